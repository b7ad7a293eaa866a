import type { MaybeRefOrGetter, Ref } from 'vue'
import { onScopeDispose, shallowRef, toValue, watch } from 'vue'

/** Object URLs for Blobs, revoked when the list changes or the component goes, so thumbnails do not leak memory. */
export function useObjectUrls(blobs: MaybeRefOrGetter<readonly Blob[]>): Ref<string[]> {
  const urls = shallowRef<string[]>([])
  const revoke = () => urls.value.forEach(url => URL.revokeObjectURL(url))
  watch(() => toValue(blobs), (list) => {
    revoke()
    urls.value = list.map(blob => URL.createObjectURL(blob))
  }, { immediate: true })
  onScopeDispose(revoke)
  return urls
}

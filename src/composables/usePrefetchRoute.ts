import type { MaybeRefOrGetter } from 'vue'
import { onMounted, toValue } from 'vue'
import { useRouter } from 'vue-router'

/**
 * Loads the page code of a route a link leads to once the browser is idle, so the tap only mounts it. Offline the
 * chunk comes from the service worker; compiling it at a phone's speed was most of the wait after the tap.
 */
export function usePrefetchRoute(path: MaybeRefOrGetter<string | undefined>): void {
  const router = useRouter()
  onMounted(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200))
    idle(() => {
      const to = toValue(path)
      if (!to)
        return
      for (const record of router.resolve(to).matched) {
        const page = record.components?.default
        // Not yet loaded: a lazy route's component is its loader. A failure (offline, not cached) waits for the tap.
        if (typeof page === 'function' && !('displayName' in page) && !('props' in page))
          Promise.resolve().then(page as () => Promise<unknown>).catch(() => {})
      }
    })
  })
}

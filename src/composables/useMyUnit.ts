import type { ComputedRef, Ref } from 'vue'
import { useLocalStorage } from '@vueuse/core'
import { computed } from 'vue'
import { getSession } from '~/sync/session'
import { useLiveQuery } from './useLiveQuery'

export interface MyUnit {
  /** The unit 我的单位 shows: the signed-in account's, else the one picked on this device; '' when neither. */
  unit: ComputedRef<string>
  /** Where it comes from: the account (fixed by the server) or the user's pick. */
  from: ComputedRef<'account' | 'picked' | 'none'>
  /** The pick, remembered on this device for when nobody is signed in. */
  picked: Ref<string>
  /** False until IndexedDB has said whether someone is signed in, so a pick never stands in for the account's unit. */
  loaded: ComputedRef<boolean>
}

/** 我的单位: the account's unit while signed in (the server knows it), otherwise a unit picked on this device. */
export function useMyUnit(): MyUnit {
  const account = useLiveQuery(async () => ({ unit: (await getSession())?.user.unit.trim() ?? '' }))
  const picked = useLocalStorage('ydt:my-unit', '')
  const unit = computed(() => account.value?.unit || picked.value.trim())
  const from = computed(() => (account.value?.unit ? 'account' : picked.value.trim() ? 'picked' : 'none'))
  return { unit, from, picked, loaded: computed(() => account.value !== undefined) }
}

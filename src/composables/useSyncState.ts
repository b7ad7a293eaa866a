import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { OwnerDataCounts } from '~/db/owner-data'
import type { Session } from '~/sync/session'
import type { SyncLabel } from '~/sync/sync-label'
import type { SyncStatus } from '~/sync/sync-status'
import { useOnline } from '@vueuse/core'
import { computed, toValue } from 'vue'
import { countOwnerData } from '~/db/owner-data'
import { countUnsynced } from '~/db/queries'
import { countHeldChanges, listHeldChanges, pointHoldReason } from '~/sync/held-changes'
import { listRejectedChanges } from '~/sync/rejected-changes'
import { getSession } from '~/sync/session'
import { describeSyncState } from '~/sync/sync-label'
import { getSyncStatus } from '~/sync/sync-status'
import { useLiveQuery } from './useLiveQuery'

/** How many local changes (check-ins, favorites) are waiting in the outbox. */
export function useUnsyncedCount(): Ref<number> {
  return useLiveQuery(countUnsynced, undefined, 0)
}

interface StoredSyncState {
  session: Session | undefined
  status: SyncStatus
  pending: number
  held: number
}

export interface SyncState {
  /** The signed-in account (kept, marked expired, after a 401). */
  session: ComputedRef<Session | undefined>
  status: ComputedRef<SyncStatus>
  pending: ComputedRef<number>
  online: Readonly<Ref<boolean>>
  /** The state in words for the chip and 我的. */
  label: ComputedRef<SyncLabel>
  /** False until IndexedDB has answered once, so the chip does not flash 本机 for a signed-in user. */
  loaded: ComputedRef<boolean>
}

/** The sync state from IndexedDB (session, last run, pending outbox) and the browser's online flag, live. */
export function useSyncState(): SyncState {
  const stored = useLiveQuery<StoredSyncState | undefined>(async () => {
    const [session, status, pending, held] = await Promise.all([getSession(), getSyncStatus(), countUnsynced(), countHeldChanges()])
    return { session, status, pending, held }
  })
  const online = useOnline()
  const session = computed(() => stored.value?.session)
  const status = computed(() => stored.value?.status ?? {})
  const pending = computed(() => stored.value?.pending ?? 0)
  const held = computed(() => stored.value?.held ?? 0)
  const label = computed(() => describeSyncState({ online: online.value, session: session.value, pending: pending.value, held: held.value, status: status.value }))
  return { session, status, pending, online, label, loaded: computed(() => stored.value !== undefined) }
}

/** The signed-in account (or undefined), live. */
export function useSession(): Ref<Session | undefined> {
  return useLiveQuery(getSession)
}

/** Changes waiting for their plan (imported on this device) to be published. */
export function useHeldChanges() {
  return useLiveQuery(listHeldChanges, undefined, [])
}

/** Why changes on a point would wait for its plan to be published, or undefined (live). */
export function usePointHoldReason(pointId: MaybeRefOrGetter<string>): Ref<string | undefined> {
  return useLiveQuery(() => pointHoldReason(toValue(pointId)), [() => toValue(pointId)])
}

/** Changes the server refused, until the user dismisses them on 我的. */
export function useRejectedChanges() {
  return useLiveQuery(listRejectedChanges, undefined, [])
}

/** What `owner` (an account, or 本机) keeps on this device: check-ins, favorites, pending and set-apart changes. */
export function useOwnerDataCounts(owner: MaybeRefOrGetter<string>): Ref<OwnerDataCounts | undefined> {
  return useLiveQuery(() => countOwnerData(toValue(owner)), [() => toValue(owner)])
}

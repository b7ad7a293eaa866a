import type { Ref } from 'vue'
import { countUnsynced } from '~/db/queries'
import { useLiveQuery } from './useLiveQuery'

/** How many local changes (check-ins, favorites) are waiting in the outbox. */
export function useUnsyncedCount(): Ref<number> {
  return useLiveQuery(countUnsynced, undefined, 0)
}

import type { SyncChipKind } from '~/sync/sync-label'

/** A shape per sync state next to its words, so the state never rests on colour alone. */
export const SYNC_KIND_MARKS: Record<SyncChipKind, string> = {
  local: '○',
  synced: '✓',
  pending: '↑',
  syncing: '↻',
  failed: '!',
  offline: '×',
  signin: '!',
}

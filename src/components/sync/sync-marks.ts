import type { AppIconName } from '../layout/AppIcon.vue'
import type { SyncChipKind } from '~/sync/sync-label'

/** An icon per sync state next to its words, so the state never rests on colour alone. */
export const SYNC_KIND_ICONS: Record<SyncChipKind, AppIconName> = {
  local: 'phone',
  synced: 'check',
  pending: 'upload',
  syncing: 'sync',
  failed: 'alert',
  offline: 'cloud-off',
  signin: 'user',
}

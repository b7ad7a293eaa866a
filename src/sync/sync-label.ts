import type { Session } from './session'
import type { SyncStatus } from './sync-status'

export type SyncChipKind = 'local' | 'synced' | 'pending' | 'failed' | 'offline' | 'syncing' | 'signin'

export interface SyncLabel {
  kind: SyncChipKind
  /** Short text for the chip, e.g. "待同步 3 条". */
  text: string
  /** Longer words for 我的, e.g. the last error or the last synced time. */
  detail: string
}

function formatTime(iso: string | undefined): string {
  if (!iso)
    return '尚未同步'
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `上次同步 ${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * The sync state in words (未登录 · 仅存本机 / 已同步 / 待同步 N 条 / 离线 / 同步失败): never colour alone. `held` of the
 * pending changes wait for their plan (imported here) to be published; the words say so.
 */
export function describeSyncState(input: { online: boolean, session: Session | undefined, pending: number, held?: number, status: SyncStatus }): SyncLabel {
  const { online, session, pending, status } = input
  const held = Math.min(input.held ?? 0, pending)
  const last = formatTime(status.lastSyncedAt)
  const heldNote = held > 0 ? `；其中 ${held} 条所属计划仅在本机导入，发布到服务器后再同步` : ''
  if (!session)
    return { kind: 'local', text: '未登录 · 仅存本机', detail: pending > 0 ? `未登录：${pending} 条记录只保存在本机，登录后可同步` : '未登录：数据只保存在本机，登录后可同步' }
  if (session.expired)
    return { kind: 'signin', text: '请重新登录', detail: `登录已失效，${pending} 条记录等待同步` }
  // The browser may say it is online on a Wi-Fi without internet: a run that could not reach the server is 离线 too.
  if (!online || (status.unreachable && !status.running))
    return { kind: 'offline', text: pending > 0 ? `离线 · 待同步 ${pending} 条` : '离线', detail: `${online ? '网络连不上服务器；' : ''}${last}；联网后自动同步${heldNote}` }
  if (status.running)
    return { kind: 'syncing', text: '同步中…', detail: last }
  if (status.lastError && pending > 0)
    return { kind: 'failed', text: `同步失败 · 待同步 ${pending} 条`, detail: `${status.lastError}（${pending} 条待同步）` }
  if (pending > 0)
    return { kind: 'pending', text: `待同步 ${pending} 条`, detail: `${last}${heldNote}` }
  // Just signed in, the first run not through yet: nothing is known to be in step with the server.
  if (!status.lastSyncedAt)
    return { kind: 'pending', text: '等待首次同步', detail: last }
  return { kind: 'synced', text: '已同步', detail: last }
}

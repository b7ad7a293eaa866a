import { describe, expect, it } from 'vitest'
import { describeSyncState } from '../../../src/sync/sync-label'

const session = { token: 't', expiresAt: '2030-01-01T00:00:00.000Z', user: { name: 'zhang', unit: '某中心', admin: false }, expired: false }

describe('describeSyncState', () => {
  it('tells every state in words', () => {
    expect(describeSyncState({ online: true, session: undefined, pending: 2, status: {} })).toMatchObject({ kind: 'local', text: '未登录 · 仅存本机', detail: '未登录：2 条记录只保存在本机，登录后可同步' })
    expect(describeSyncState({ online: true, session: undefined, pending: 0, status: {} }).text).toBe('未登录 · 仅存本机')
    expect(describeSyncState({ online: false, session, pending: 3, status: {} })).toMatchObject({ kind: 'offline', text: '离线 · 待同步 3 条' })
    expect(describeSyncState({ online: true, session, pending: 3, status: {} })).toMatchObject({ kind: 'pending', text: '待同步 3 条' })
    expect(describeSyncState({ online: true, session, pending: 1, status: { lastError: '服务器暂时不可用（503），稍后自动重试' } })).toMatchObject({ kind: 'failed', text: '同步失败 · 待同步 1 条', detail: '服务器暂时不可用（503），稍后自动重试（1 条待同步）' })
    expect(describeSyncState({ online: true, session, pending: 0, status: { lastSyncedAt: '2023-05-01T08:05:00.000Z' } })).toMatchObject({ kind: 'synced', text: '已同步' })
    expect(describeSyncState({ online: true, session: { ...session, expired: true }, pending: 4, status: {} })).toMatchObject({ kind: 'signin', text: '请重新登录' })
  })

  it('says 离线 with the count when the browser claims to be online but the server cannot be reached', () => {
    const status = { lastError: '网络不可用，稍后自动重试', unreachable: true }
    expect(describeSyncState({ online: true, session, pending: 6, status })).toMatchObject({ kind: 'offline', text: '离线 · 待同步 6 条' })
    expect(describeSyncState({ online: true, session, pending: 6, status }).detail).toMatch(/^网络连不上服务器；尚未同步；联网后自动同步$/)
    // While a new attempt runs, the chip says so.
    expect(describeSyncState({ online: true, session, pending: 6, status: { ...status, running: true } }).kind).toBe('syncing')
  })

  it('says when pending changes wait for their plan to be published', () => {
    const status = { lastSyncedAt: '2023-05-01T08:05:00.000Z' }
    const label = describeSyncState({ online: true, session, pending: 3, held: 2, status })
    expect(label).toMatchObject({ kind: 'pending', text: '待同步 3 条' })
    expect(label.detail).toMatch(/^上次同步 .+；其中 2 条所属计划仅在本机导入，发布到服务器后再同步$/)
    expect(describeSyncState({ online: false, session, pending: 1, held: 1, status }).detail).toContain('联网后自动同步；其中 1 条所属计划仅在本机导入')
    expect(describeSyncState({ online: true, session, pending: 0, held: 0, status }).detail).not.toContain('本机导入')
  })
})

import { describe, expect, it } from 'vitest'
import { describeSyncState } from '../../../src/sync/sync-label'

const session = { token: 't', expiresAt: '2030-01-01T00:00:00.000Z', user: { name: 'zhang', unit: '某中心', admin: false }, expired: false }

describe('describeSyncState', () => {
  it('tells every state in words', () => {
    expect(describeSyncState({ online: true, session: undefined, pending: 2, status: {} }).text).toBe('本机 · 2 条待同步')
    expect(describeSyncState({ online: true, session: undefined, pending: 0, status: {} }).text).toBe('本机')
    expect(describeSyncState({ online: false, session, pending: 3, status: {} })).toMatchObject({ kind: 'offline', text: '离线 · 待同步 3 条' })
    expect(describeSyncState({ online: true, session, pending: 3, status: {} })).toMatchObject({ kind: 'pending', text: '待同步 3 条' })
    expect(describeSyncState({ online: true, session, pending: 1, status: { lastError: '网络不可用，稍后自动重试' } })).toMatchObject({ kind: 'failed', text: '同步失败', detail: '网络不可用，稍后自动重试（1 条待同步）' })
    expect(describeSyncState({ online: true, session, pending: 0, status: { lastSyncedAt: '2023-05-01T08:05:00.000Z' } })).toMatchObject({ kind: 'synced', text: '已同步' })
    expect(describeSyncState({ online: true, session: { ...session, expired: true }, pending: 4, status: {} })).toMatchObject({ kind: 'signin', text: '请重新登录' })
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

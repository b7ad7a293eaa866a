import type { Mutation } from '~/domain/progress'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin } from '~/db/actions'
import { db } from '~/db/db'
import { pushOutbox } from '~/sync/push-outbox'
import { listRejectedChanges, retryRejectedChange } from '~/sync/rejected-changes'
import { SERVER_FAILURES_TO_SET_APART } from '~/sync/rejection-words'
import { saveSession } from '~/sync/session'
import { SyncApiClient } from '~/sync/sync-api-client'
import { resetDb } from '../db/fixtures'

beforeEach(resetDb)

/** A server that answers 500 for any batch holding `poison`, and is otherwise healthy (or down altogether). */
function serverFailingOn(poison: string, healthy = true) {
  const pushed: string[][] = []
  const fetchImpl = async (input: string, init?: RequestInit) => {
    if (input.endsWith('/health'))
      return Response.json({ ok: healthy }, { status: healthy ? 200 : 503 })
    const { mutations } = JSON.parse(String(init!.body)) as { mutations: Mutation[] }
    pushed.push(mutations.map(m => m.id))
    if (!healthy || mutations.some(m => m.kind === 'checkin.create' && m.checkin.note === poison))
      return Response.json({ error: 'internal server error' }, { status: 500 })
    return Response.json({ results: mutations.map(m => ({ id: m.id, status: 'accepted' })) })
  }
  return { client: new SyncApiClient(fetchImpl), pushed }
}

async function checkInAs(owner: string, notes: string[]) {
  await saveSession({ token: `token-${owner}`, expiresAt: '2099-01-01T00:00:00.000Z', user: { name: owner, unit: 'u', admin: false } })
  for (const note of notes)
    await addCheckin({ pointId: 'p-1', status: 'in_progress', progress: 50, note })
}

describe('an outbox that never jams', () => {
  it('sends the good rows past one the server keeps failing on, then sets that one apart, retryable', async () => {
    await checkInAs('张三', ['好1', '毒', '好2', '好3', '好4', '好5'])
    const server = serverFailingOn('毒')
    let clock = Date.now()
    const later = () => (clock += 10 * 60_000) // each run comes after any backoff
    expect(await pushOutbox(server.client, 't', '张三')).toEqual({ accepted: 5, rejected: 0 })
    for (let run = 2; run < SERVER_FAILURES_TO_SET_APART; run++)
      expect(await pushOutbox(server.client, 't', '张三', { now: later })).toEqual({ accepted: 0, rejected: 0 })
    expect(await pushOutbox(server.client, 't', '张三', { now: later })).toEqual({ accepted: 0, rejected: 1 })

    const [apart] = await listRejectedChanges()
    expect(apart).toMatchObject({ retryable: true, reason: expect.stringContaining('服务器多次无法保存这条记录（错误 500）') })
    expect((await db.checkins.toArray()).map(c => [c.note, c.syncState]).sort()).toEqual([['好1', 'synced'], ['好2', 'synced'], ['好3', 'synced'], ['好4', 'synced'], ['好5', 'synced'], ['毒', 'rejected']])
    expect(await db.outbox.where('state').equals('pending').count()).toBe(0)
    // Nothing more is sent for it until the user asks.
    const sent = server.pushed.length
    await pushOutbox(server.client, 't', '张三', { now: later })
    expect(server.pushed.length).toBe(sent)

    expect(await retryRejectedChange(apart!.id)).toBe(true)
    expect(await db.outbox.get(apart!.id)).toMatchObject({ state: 'pending', attempts: 0, serverFailures: 0 })
    expect(await db.checkins.toArray()).toContainEqual(expect.objectContaining({ note: '毒', syncState: 'pending' }))
  })

  it('sets nothing apart while the server is down: every row waits with backoff', async () => {
    await checkInAs('张三', ['a', 'b', 'c'])
    const server = serverFailingOn('never', false)
    for (let run = 0; run < SERVER_FAILURES_TO_SET_APART + 2; run++)
      await expect(pushOutbox(server.client, 't', '张三', { now: () => Date.now() + run * 10 * 60_000 })).rejects.toThrow()
    const rows = await db.outbox.toArray()
    expect(rows.map(r => r.state)).toEqual(['pending', 'pending', 'pending'])
    expect(rows.every(r => r.attempts === SERVER_FAILURES_TO_SET_APART + 2)).toBe(true)
    // One whole batch per run: no bisecting against a server that is down.
    expect(server.pushed.every(batch => batch.length === 3)).toBe(true)
  })

  it('sends only the given account\'s rows', async () => {
    await checkInAs('张三', ['张三 1', '张三 2'])
    await checkInAs('李四', ['李四 1'])
    const server = serverFailingOn('never')
    expect(await pushOutbox(server.client, 't', '李四')).toEqual({ accepted: 1, rejected: 0 })
    const sent = new Set(server.pushed.flat())
    const owners = (await db.outbox.toArray()).map(r => r.owner)
    expect(owners).toEqual(['张三', '张三'])
    expect(sent.size).toBe(1)
  })
})

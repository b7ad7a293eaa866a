import type { Harness } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkinMutation, makePlan, PLAN_DATA } from './fixtures'
import { createHarness } from './harness'
import { storeFactories } from './stores'

describe.each(storeFactories)('plan data on $name', (factory) => {
  let h: Harness
  let admin: string
  let user: string

  beforeAll(async () => {
    h = await createHarness(factory)
    admin = (await h.addAndLogin('admin', '省政务局', true)).token
    user = (await h.addAndLogin('user', '省政务局')).token
  }, 60_000)
  afterAll(() => h?.close())

  it('serves the plan data with a strong ETag and answers If-None-Match with 304', async () => {
    const res = await h.request('/api/plans')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(PLAN_DATA)
    const etag = res.headers.get('etag')!
    // The version is a content hash: a device holding the same data asks with it and gets a 304.
    expect(etag).toBe(`"${PLAN_DATA.version}"`)
    const again = await h.request('/api/plans', { headers: { 'If-None-Match': `"other", ${etag}` } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    expect((await h.request('/api/plans', { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200)
  })

  it('publishes a plan for admins only, replacing by id and changing version and ETag', async () => {
    const before = await h.request('/api/plans')
    const etag = before.headers.get('etag')!
    const plan = makePlan('changsha-2023', 2, '长沙市2023年政务公开工作要点')
    expect((await h.request('/api/admin/plans', { method: 'PUT', token: user, json: plan })).status).toBe(403)
    expect((await h.request('/api/admin/plans', { method: 'PUT', json: plan })).status).toBe(401)

    const res = await h.request('/api/admin/plans', { method: 'PUT', token: admin, json: plan })
    expect(res.status).toBe(200)
    const published = await res.json()
    expect(published).toMatchObject({ added: ['changsha-2023'], replaced: [] })
    expect((await h.request('/api/plans', { headers: { 'If-None-Match': etag } })).status).toBe(200)

    const replacement = { ...PLAN_DATA, plans: [makePlan('changsha-2023', 4, '长沙市2023年政务公开工作要点（修订）')] }
    const second = await (await h.request('/api/admin/plans', { method: 'PUT', token: admin, json: replacement })).json()
    expect(second).toMatchObject({ added: [], replaced: ['changsha-2023'] })
    expect(second.version).not.toBe(published.version)
    const data = await (await h.request('/api/plans')).json()
    expect(data.version).toBe(second.version)
    expect(data.plans.map((p: { id: string }) => p.id).sort()).toEqual(['changsha-2023', 'test-plan'])
    expect(data.plans.find((p: { id: string }) => p.id === 'changsha-2023').sections[0].points).toHaveLength(4)

    // The new points can be checked in at once.
    const push = await h.push(user, [checkinMutation({ pointId: 'changsha-2023-4' })])
    expect(push.results[0]!.status).toBe('accepted')
  })

  it('rejects an invalid plan with a 400 naming the field', async () => {
    const bad = { ...makePlan('bad-plan'), level: 'galaxy' }
    const res = await h.request('/api/admin/plans', { method: 'PUT', token: admin, json: bad })
    expect(res.status).toBe(400)
    expect((await res.json()).error).toMatch(/level/)
    const badData = await h.request('/api/admin/plans', { method: 'PUT', token: admin, json: { version: 'x', plans: [{ id: 'Not A Slug' }], themes: [] } })
    expect(badData.status).toBe(400)
    expect((await badData.json()).error).toMatch(/plans\.0\./)
  })
})

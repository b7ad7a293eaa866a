import type { PlanManifest } from '../../src/domain/plan-manifest'
import type { Harness } from './harness'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlanSchema } from '../../src/domain/plan'
import { PlanManifestSchema, PublishedThemesSchema } from '../../src/domain/plan-manifest'
import { loadMigrations, migrate } from '../store/migrate'
import { makePlan, PLAN_DATA } from './fixtures'
import { createHarness } from './harness'
import { storeFactories } from './stores'

// Per-plan versions: the manifest, one plan by id, the themes; publishing one plan changes that plan's version only.

describe.each(storeFactories)('plan data per plan on $name', (factory) => {
  let h: Harness
  let admin: string

  const manifest = async (etag?: string) => {
    const res = await h.request('/api/plans/manifest', { headers: etag ? { 'If-None-Match': etag } : {} })
    return { res, body: res.status === 200 ? PlanManifestSchema.parse(await res.json()) : undefined }
  }
  const versions = (m: PlanManifest) => Object.fromEntries(m.plans.map(p => [p.id, p.version]))
  const publish = async (json: unknown) => {
    const res = await h.request('/api/admin/plans', { method: 'PUT', token: admin, json })
    expect(res.status).toBe(200)
    return res.json()
  }

  beforeAll(async () => {
    h = await createHarness(factory)
    admin = (await h.addAndLogin('admin', '省政务局', true)).token
    await publish({ ...PLAN_DATA, plans: ['a', 'b', 'c'].map(id => makePlan(`plan-${id}`, 3, `${id}工作要点`)) })
  }, 60_000)
  afterAll(() => h?.close())

  it('lists every plan with its version; each plan and the themes come with a strong ETag and 304', async () => {
    const { res, body } = await manifest()
    expect(res.status).toBe(200)
    expect(body!.plans.map(p => p.id)).toEqual(['test-plan', 'plan-a', 'plan-b', 'plan-c'])
    expect(body!.dataVersion).toBe((await (await h.request('/api/plans')).json()).version)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{12}"$/)
    const again = await manifest(etag)
    expect(again.res.status).toBe(304)
    expect(await again.res.text()).toBe('')

    const one = await h.request('/api/plans/plan-b')
    expect(one.status).toBe(200)
    expect(PlanSchema.parse(await one.json())).toEqual(makePlan('plan-b', 3, 'b工作要点'))
    expect(one.headers.get('etag')).toBe(`"${versions(body!)['plan-b']}"`)
    expect((await h.request('/api/plans/plan-b', { headers: { 'If-None-Match': `W/${one.headers.get('etag')}` } })).status).toBe(304)
    expect((await h.request('/api/plans/plan-b', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200)
    expect((await h.request('/api/plans/no-such-plan')).status).toBe(404)

    const themes = await h.request('/api/themes')
    expect(PublishedThemesSchema.parse(await themes.json())).toEqual({ themes: PLAN_DATA.themes })
    expect(themes.headers.get('etag')).toBe(`"${body!.themesVersion}"`)
    expect((await h.request('/api/themes', { headers: { 'If-None-Match': themes.headers.get('etag')! } })).status).toBe(304)
  })

  it('publishing one plan changes only its version, the manifest and the whole data set\'s version', async () => {
    const before = await manifest()
    const planEtag = (await h.request('/api/plans/plan-a')).headers.get('etag')!
    const result = await publish(makePlan('plan-b', 4, 'b工作要点（修订）'))
    expect(result).toMatchObject({ added: [], replaced: ['plan-b'] })

    const after = await manifest(before.res.headers.get('etag')!)
    expect(after.res.status).toBe(200)
    const changed = Object.entries(versions(after.body!)).filter(([id, v]) => versions(before.body!)[id] !== v).map(([id]) => id)
    expect(changed).toEqual(['plan-b'])
    expect(after.body!.plans.map(p => p.id)).toEqual(before.body!.plans.map(p => p.id)) // the order stays
    expect(after.body!.themesVersion).toBe(before.body!.themesVersion)
    expect(after.body!.dataVersion).toBe(result.version)
    expect(after.body!.dataVersion).not.toBe(before.body!.dataVersion)
    expect((await h.request('/api/plans/plan-a', { headers: { 'If-None-Match': planEtag } })).status).toBe(304)
    expect((await (await h.request('/api/plans/plan-b')).json()).sections[0].points).toHaveLength(4)

    // The older clients' whole data set has the new plan in its old place.
    const whole = await (await h.request('/api/plans')).json()
    expect(whole.plans.map((p: { id: string }) => p.id)).toEqual(['test-plan', 'plan-a', 'plan-b', 'plan-c'])
    expect(whole.plans[2].sections[0].points).toHaveLength(4)

    // The same content again: no version moves. A new plan goes last.
    await publish(makePlan('plan-b', 4, 'b工作要点（修订）'))
    expect(versions((await manifest()).body!)).toEqual(versions(after.body!))
    await publish(makePlan('plan-d', 2))
    const withNew = (await manifest()).body!
    expect(withNew.plans.map(p => p.id)).toEqual(['test-plan', 'plan-a', 'plan-b', 'plan-c', 'plan-d'])
    expect(versions(withNew)['plan-b']).toBe(versions(after.body!)['plan-b'])
  })

  it('changes the themes version when a theme is published', async () => {
    const before = (await manifest()).body!
    await publish({ ...PLAN_DATA, plans: [], themes: [{ id: 'yjs', name: '一件事一次办', icon: 'i-yjs', keywords: ['一件事'] }] })
    const after = (await manifest()).body!
    expect(after.themesVersion).not.toBe(before.themesVersion)
    expect(versions(after)).toEqual(versions(before))
    expect((await (await h.request('/api/themes')).json()).themes.map((t: { id: string }) => t.id)).toEqual(['zwgk', 'yjs'])
  })

  it('compresses a plan above 1 KiB, and its weak ETag still gets a 304', async () => {
    await publish(makePlan('plan-big', 40))
    const res = await h.request('/api/plans/plan-big', { headers: { 'Accept-Encoding': 'br' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    const plan = JSON.parse(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString('utf8'))
    expect(plan.sections[0].points).toHaveLength(40)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^W\//)
    expect((await h.request('/api/plans/plan-big', { headers: { 'If-None-Match': etag, 'Accept-Encoding': 'br' } })).status).toBe(304)
  })
})

describe.each(storeFactories)('migration 005 on $name', (factory) => {
  it('splits plan data published before it into plan rows', async () => {
    const store = await factory.open()
    try {
      const all = loadMigrations()
      await migrate(store, all.filter(m => m.version < 5))
      const data = { ...PLAN_DATA, version: 'old-1', plans: [makePlan('first', 2), makePlan('second', 3)] }
      await store.query('insert into plan_data (id, version, body, etag) values (1, $1, $2, $3)', [data.version, JSON.stringify(data), '"old-1"'])
      await migrate(store, all)
      const rows = await store.query<{ id: string, version: string, body: string }>('select id, version, body from published_plans order by position')
      expect(rows.map(r => r.id)).toEqual(['first', 'second'])
      expect(rows.map(r => JSON.parse(r.body))).toEqual(data.plans)
      expect(new Set(rows.map(r => r.version)).size).toBe(2)
      const themes = await store.query<{ body: string }>('select body from published_themes')
      expect(JSON.parse(themes[0]!.body)).toEqual(data.themes)
    }
    finally {
      await store.close()
    }
  })
})

import type { Harness } from './harness'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MutationSchema } from '../../src/domain/progress'
import { onlyUnstorableText } from '../../src/domain/storable-text'
import { checkinMutation, favoriteMutation } from './fixtures'
import { createHarness } from './harness'
import { fuzzPushBody, unstorableText } from './push-arbitraries'
import { storeFactories } from './stores'

const TEXT_FIELDS = ['checkin.pointId', 'checkin.note', 'checkin.deviceId', 'favorite.pointId', 'favorite.deviceId'] as const

/** What the server must answer for `body`, judged by the shared schemas alone. */
function expected(body: unknown): 'push' | 'refused' {
  const mutations = (body as { mutations?: unknown } | null)?.mutations
  if (!Array.isArray(mutations) || mutations.length > 500)
    return 'refused'
  for (const m of mutations) {
    if (typeof m !== 'object' || m === null || Array.isArray(m) || !/^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(String((m as { id?: unknown }).id)))
      return 'refused'
    const result = MutationSchema.safeParse(m)
    if (!result.success && !onlyUnstorableText(result.error))
      return 'refused'
  }
  return 'push'
}

describe.each(storeFactories)('push fuzz on $name', (factory) => {
  let h: Harness
  let token: string

  beforeAll(async () => {
    h = await createHarness(factory)
    token = (await h.addAndLogin('fuzz', '测试单位')).token
  }, 60_000)
  afterAll(() => h?.close())

  const push = (body: unknown) => h.request('/api/sync/push', { method: 'POST', token, body: JSON.stringify(body) ?? 'null', headers: { 'Content-Type': 'application/json' } })

  it('answers 1,000 random push bodies without a single 5xx, as the schemas say', async () => {
    let pushed = 0
    let unstorable = 0
    await fc.assert(fc.asyncProperty(fuzzPushBody, async (body) => {
      const res = await push(body)
      const answer = await res.json() as { error?: string, results?: { id: string, status: string, reason?: string, field?: string }[] }
      expect(res.status, JSON.stringify(answer)).toBeLessThan(500)
      if (expected(body) === 'refused') {
        expect(res.status, JSON.stringify(body)).toBe(400)
        expect(answer.error).toMatch(/^invalid body: /)
        return
      }
      expect(res.status, JSON.stringify(answer)).toBe(200)
      const mutations = (body as { mutations: { id: string }[] }).mutations
      expect(answer.results!.map(r => r.id)).toEqual(mutations.map(m => m.id))
      answer.results!.forEach((result, i) => {
        const parsed = MutationSchema.safeParse(mutations[i])
        if (parsed.success) {
          expect(result.reason).not.toBe('unstorable text')
        }
        else {
          unstorable++
          expect(result).toMatchObject({ status: 'rejected', reason: 'unstorable text', field: parsed.error.issues[0]!.path.join('.') })
        }
      })
      pushed++
    }), { numRuns: 1000 })
    // The generators must reach the interesting paths, not only the 400s.
    expect(pushed).toBeGreaterThan(200)
    expect(unstorable).toBeGreaterThan(50)
  }, 120_000)

  it('stores the good mutations of a batch that also holds unstorable text', async () => {
    const broken = fc.tuple(fc.constantFrom(...TEXT_FIELDS), unstorableText).map(([field, text]) => {
      const base = field.startsWith('checkin') ? checkinMutation() : favoriteMutation({ pointId: 'test-plan-3' })
      const [part, key] = field.split('.') as ['checkin' | 'favorite', string]
      const copy = structuredClone(base) as unknown as Record<string, Record<string, unknown>>
      copy[part]![key] = text
      return { mutation: copy, field }
    })
    await fc.assert(fc.asyncProperty(fc.array(broken, { minLength: 1, maxLength: 3 }), fc.nat(3), async (bad, at) => {
      const good = checkinMutation({ note: '好的' })
      const mutations: unknown[] = bad.map(b => b.mutation)
      mutations.splice(Math.min(at, mutations.length), 0, good)
      const res = await push({ mutations })
      expect(res.status).toBe(200)
      const { results } = await res.json() as { results: { id: string, status: string, reason?: string, field?: string }[] }
      expect(results.find(r => r.id === good.id)).toEqual({ id: good.id, status: 'accepted' })
      expect(results.filter(r => r.id !== good.id)).toEqual(bad.map(b => ({ id: b.mutation.id, status: 'rejected', reason: 'unstorable text', field: b.field })))
      const stored = await h.store.query('select 1 from checkins where id = $1', [good.kind === 'checkin.create' ? good.checkin.id : ''])
      expect(stored).toHaveLength(1)
    }), { numRuns: 60 })
  }, 60_000)
})

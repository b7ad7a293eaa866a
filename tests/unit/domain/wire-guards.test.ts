import type { z } from 'zod'
import type { Guard } from '~/domain/wire-guards'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '~/domain/plan'
import { PlanManifestSchema, PublishedThemesSchema } from '~/domain/plan-manifest'
import { PublishPlansResponseSchema } from '~/domain/plan-publish'
import { LoginResponseSchema, PullResponseSchema, PushResponseSchema } from '~/domain/sync-api'
import { isLoginResponse, isPlanData, isPlanManifest, isPublishedThemes, isPublishPlansResponse, isPullResponse, isPushResponse } from '~/domain/wire-guards'
import { buildPlanDataFromDir } from '../../../scripts/seed-plan-data'
import { makePlan, makePoint, samplePlanData } from '../db/fixtures'

// The client checks what it receives with hand-written guards instead of the zod schemas (no zod in its bundles).
// These tests hold each guard to its schema: it takes every fixture the schema takes, and for every structural
// break of a fixture (a field removed, a field of another JSON type, an unknown value of a closed set) it says
// what the schema says. A field added to a schema and its fixture but not to the guard fails here.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = Array<string | number>

/** Every path to a value inside `value` (the root excluded). */
function paths(value: Json, at: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => [[...at, i], ...paths(item, [...at, i])])
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...paths(item, [...at, key])])
  return []
}

/** A copy of `value` with the value at `path` replaced (or removed, for `undefined`). */
function withAt(value: Json, path: Path, replacement: Json | undefined): Json {
  const copy = structuredClone(value)
  let parent: any = copy
  for (const key of path.slice(0, -1))
    parent = parent[key]
  const last = path.at(-1)!
  if (replacement === undefined && !Array.isArray(parent))
    delete parent[last]
  else
    parent[last] = replacement
  return copy
}

function valueAt(value: Json, path: Path): Json {
  return path.reduce<any>((v, key) => v[key], value)
}

/** A value of another JSON type than `value`, and for strings (closed sets) one no enum holds. */
function breakages(value: Json): Array<Json | undefined> {
  const otherType: Json = typeof value === 'string' ? 7 : typeof value === 'number' ? '7' : typeof value === 'boolean' ? 'yes' : Array.isArray(value) ? {} : value === null ? 'x' : 'x'
  return typeof value === 'string' ? [undefined, otherType, null, 'no-such-value'] : [undefined, otherType, null]
}

/** zod issues that say the shape is wrong: a missing field or one of another type, a value outside a closed set. */
const STRUCTURAL = new Set(['invalid_type', 'invalid_value', 'invalid_union'])

interface Case<T> { name: string, schema: z.ZodType<T>, guard: Guard<T>, fixtures: Json[] }

const checkin = { id: '0190a6f0-0000-7000-8000-000000000001', pointId: 'p-1', status: 'done', progress: 100, note: '已办结', createdAt: '2024-05-01T02:00:00.000Z', deviceId: 'device-1' }
const favorite = { pointId: 'p-1', on: true, updatedAt: '2024-05-01T02:00:00.000Z', deviceId: 'device-1' }

/** Plan data with every optional field present, so breaking the optional fields is tried too. */
function fullPlanData(): Json {
  const data = samplePlanData('v-full')
  data.plans.push(makePlan('hunan-2024-zwgk', {
    docNo: '湘政办发〔2024〕1号',
    issuedOn: '2024-03-01',
    origin: 'server',
    series: 'hunan-zwgk',
    year: null,
    sections: [{ no: 1, title: '一', points: [makePoint('hunan-2024-zwgk-1', {
      group: '（一）公开',
      targets: [{ text: '覆盖率100%', value: 100, unit: '%' }],
      related: [{ pointId: 'hunan-2023-zwfw-1', kind: 'previous', score: 0.8 }],
    })] }],
  }))
  return data as unknown as Json
}

const cases: Array<Case<any>> = [
  { name: 'plan data', schema: PlanDataSchema, guard: isPlanData, fixtures: [samplePlanData() as unknown as Json, fullPlanData(), { version: 'v0', plans: [], themes: [] }] },
  { name: 'login', schema: LoginResponseSchema, guard: isLoginResponse, fixtures: [{ token: 't', expiresAt: '2024-06-01T00:00:00.000Z', user: { name: '张三', unit: '县政务局', admin: false } }] },
  { name: 'push', schema: PushResponseSchema, guard: isPushResponse, fixtures: [
    { results: [{ id: 'm-1', status: 'accepted' }, { id: 'm-2', status: 'rejected', reason: 'unknown point' }, { id: 'm-3', status: 'rejected', reason: 'unstorable text', field: 'checkin.note' }] },
    { results: [] },
  ] },
  { name: 'pull', schema: PullResponseSchema, guard: isPullResponse, fixtures: [
    { checkins: [{ ...checkin, author: '张三', mine: true }, { ...checkin, id: '0190a6f0-0000-7000-8000-000000000002', status: 'blocked', author: '李四', mine: false }], favorites: [favorite, { ...favorite, on: false }], nextCursor: 'c-2', hasMore: true },
    { checkins: [], favorites: [], nextCursor: '', hasMore: false },
  ] },
  { name: 'plan manifest', schema: PlanManifestSchema, guard: isPlanManifest, fixtures: [
    { dataVersion: 'v2', themesVersion: 't1', plans: [{ id: 'hunan-2023-zwgk', version: '0123456789ab' }, { id: 'b', version: 'v' }] },
    { dataVersion: 'v0', themesVersion: 't0', plans: [] },
  ] },
  { name: 'theme list', schema: PublishedThemesSchema, guard: isPublishedThemes, fixtures: [{ themes: samplePlanData().themes } as unknown as Json, { themes: [] }] },
  { name: 'publish', schema: PublishPlansResponseSchema, guard: isPublishPlansResponse, fixtures: [{ version: 'v2', etag: '"v2"', added: ['a'], replaced: [] }] },
]

describe.each(cases)('the $name guard', ({ schema, guard, fixtures }) => {
  it('takes every fixture the schema takes', () => {
    for (const fixture of fixtures) {
      expect(schema.safeParse(fixture).success).toBe(true)
      expect(guard(fixture)).toBe(true)
    }
  })

  it('says what the schema says for every structural break of a fixture', () => {
    let broken = 0
    for (const fixture of fixtures) {
      for (const path of paths(fixture)) {
        for (const replacement of breakages(valueAt(fixture, path))) {
          const value = withAt(fixture, path, replacement)
          const parsed = schema.safeParse(value)
          // Only a finer rule (a pattern, a length) may be left to the server; a break of shape never is.
          if (!parsed.success && !parsed.error.issues.every(issue => STRUCTURAL.has(issue.code)))
            continue
          broken += parsed.success ? 0 : 1
          expect({ path: path.join('.'), replacement, guard: guard(value) }).toEqual({ path: path.join('.'), replacement, guard: parsed.success })
        }
      }
    }
    expect(broken).toBeGreaterThan(0)
  })

  it('refuses what is not an object, and never throws on random values at random places', () => {
    for (const value of [null, undefined, 'x', 1, [], true])
      expect(guard(value)).toBe(false)
    fc.assert(fc.property(fc.constantFrom(...fixtures), fc.nat(), fc.jsonValue(), (fixture, n, replacement) => {
      const all = paths(fixture)
      if (all.length === 0)
        return
      const value = withAt(fixture, all[n % all.length]!, replacement as Json)
      // The guard checks shapes, not the finer rules: all the schema takes, it takes.
      if (schema.safeParse(value).success)
        expect(guard(value)).toBe(true)
    }), { numRuns: 300 })
  })
})

describe('the plan data guard', () => {
  it('takes the plan data this build ships', async () => {
    const { data } = await buildPlanDataFromDir(new URL('../../../seeds', import.meta.url).pathname)
    expect(PlanDataSchema.safeParse(data).success).toBe(true)
    expect(isPlanData(JSON.parse(JSON.stringify(data)))).toBe(true)
  })
})

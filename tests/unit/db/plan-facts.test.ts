import type { Plan, PlanLevel } from '~/domain/plan'
import Dexie from 'dexie'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin } from '~/db/actions'
import { getBoardData } from '~/db/board'
import { db, DB_NAME } from '~/db/db'
import { getListPoints, getUnitDirectory } from '~/db/list-rows'
import { importLocalPlans, removeLocalPlan } from '~/db/local-plans'
import { replacePlanData } from '~/db/plan-data-loader'
import { readFactPlans } from '~/db/plan-facts'
import { toPlanRow } from '~/db/plans'
import { toPointRows } from '~/db/points'
import { getDeckIds } from '~/db/queries'
import { makePlan, makePoint, resetDb, samplePlanData, THEMES } from './fixtures'
import { legacyCheckin } from './legacy-v4'
import { LegacyV10DB } from './legacy-v10'

const NAMES = ['市政务局', '市行政审批服务局', '市发展和改革委员会', '市直相关单位', '各县市区人民政府', '省政务局', '县数据局', '有关部门', '娄底市行政审批服务局', '市政府办']
const PLACES: [string, PlanLevel, string][] = [['娄底市', 'city', 'loudi'], ['长沙市', 'city', 'changsha'], ['湖南省', 'province', 'hunan'], ['新化县', 'county', 'xinhua']]
const USERS = ['娄底市行政审批服务局', '娄底市行政审批服务局政务服务科', '长沙市政务局', '新化县人民政府', '湖南省政务局', '长沙市发改委']
const TODAY = new Date(2026, 5, 1, 12)

/** A deterministic pseudo-random corpus: plans of a few places and years, points naming random units and dates. */
function corpus(seed: number, origin?: Plan['origin']): Plan[] {
  let x = seed
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648
    // The high bits: an LCG's low bits repeat with a short period.
    return (x >>> 16) % n
  }
  const names = (n: number) => Array.from({ length: n }, () => NAMES[rnd(NAMES.length)]!)
  return Array.from({ length: 6 }, (_, p) => {
    const [region, level, slug] = PLACES[rnd(PLACES.length)]!
    const year = 2024 + rnd(3)
    const id = `${slug}-${year}-s${seed}p${p}`
    const points = Array.from({ length: 1 + rnd(15) }, (_, i) => makePoint(`${id}-${i + 1}`, {
      leadUnits: names(rnd(3)),
      partnerUnits: names(rnd(3)),
      themes: [THEMES[rnd(THEMES.length)]!.id],
      deadlines: rnd(3) === 0 ? [] : [{ text: '年底前', date: `2026-${String(1 + rnd(12)).padStart(2, '0')}-15` }],
    }))
    return makePlan(id, { region, level, year, ...(origin ? { origin } : {}), sections: [{ no: 1, title: '一', points: points.slice(0, 3) }, { no: 2, title: '二', points: points.slice(3) }] })
  })
}

/** What the lists and the 我的单位 board show, as the kept facts give it. */
async function shown() {
  const ids = await getDeckIds({ kind: 'theme', id: 'zwgk' })
  const units = []
  for (const unit of USERS)
    units.push({ list: await getListPoints({ kind: 'unit', unit }, undefined), board: await getBoardData({ kind: 'unit', unit }, TODAY) })
  return { theme: await getListPoints({ kind: 'theme', id: 'zwgk' }, ids), directory: await getUnitDirectory(), units }
}

/** The same, with the facts hidden: counted from every point row, as for data stored before schema v11. */
async function fromPointRows() {
  const facts = await db.planFacts.toArray()
  await db.planFacts.clear()
  try {
    expect(await readFactPlans()).toBeUndefined()
    return await shown()
  }
  finally {
    await db.planFacts.bulkPut(facts)
  }
}

async function expectFactsAgree() {
  expect(await readFactPlans()).toBeDefined()
  const kept = await shown()
  // Some unit must be concerned, or the comparison would prove little.
  expect(kept.units.some(u => (u.list?.length ?? 0) > 0 && u.board.mine.total > 0)).toBe(true)
  expect(kept).toEqual(await fromPointRows())
}

beforeEach(resetDb)

describe('the plans\' kept unit facts', () => {
  for (const seed of [3, 11, 2026]) {
    it(`give the lists and the 我的单位 board what every point row gives, after import, re-import and removal (corpus ${seed})`, async () => {
      const data = { ...samplePlanData(), plans: [...samplePlanData().plans, ...corpus(seed)] }
      await replacePlanData(data)
      const first = (await db.points.toArray())[0]!
      await addCheckin({ pointId: first.id, status: 'done', progress: 100, note: '' })
      await expectFactsAgree()

      await importLocalPlans({ plans: corpus(seed + 1, 'local'), themes: THEMES })
      await expectFactsAgree()
      // Re-imported: the same plan ids, other units.
      await importLocalPlans({ plans: corpus(seed + 1, 'local').map((p, i) => ({ ...p, sections: corpus(seed + 2)[i]!.sections.map(s => ({ ...s, points: s.points.map((pt, k) => ({ ...pt, id: `${p.id}-${k + 1}-${s.no}` })) })) })), themes: THEMES })
      await expectFactsAgree()
      await removeLocalPlan(corpus(seed + 1)[0]!.id)
      await expectFactsAgree()
      // The build's data replaced, the local plans kept.
      await replacePlanData({ ...data, version: 'v2', plans: [...samplePlanData().plans, ...corpus(seed + 3)] })
      await expectFactsAgree()
    })
  }
})

describe('kept unit facts under other matching rules', () => {
  it('are not used: the lists read the point rows until the plans are next written', async () => {
    await replacePlanData(samplePlanData())
    expect(await readFactPlans()).toBeDefined()
    await db.planFacts.toCollection().modify({ keyRules: 1 })
    expect(await readFactPlans()).toBeUndefined()
    expect((await getListPoints({ kind: 'unit', unit: '湖南省政务局' }, undefined))!.length).toBeGreaterThan(0)
  })
})

describe('schema v11 upgrade (plan facts)', () => {
  it('keeps every check-in and outbox row, lists from the point rows until the plan data is next written', async () => {
    db.close()
    await Dexie.delete(DB_NAME)
    const legacy = new LegacyV10DB(DB_NAME)
    const plans = [...samplePlanData().plans, ...corpus(5)]
    await legacy.table('plans').bulkAdd(plans.map(toPlanRow))
    await legacy.table('points').bulkAdd(plans.flatMap(toPointRows))
    const checkin = legacyCheckin(1, 'hunan-2023-zwfw-3', '01937f00-0000-7000-8000-00000000eeee')
    await legacy.table('checkins').add({ ...checkin.row, owner: '本机', status: 'done' })
    await legacy.table('outbox').add({ ...checkin.outbox, owner: '本机', attempts: 2, lastError: '网络不可用' })
    await legacy.table('photos').add({ id: 'ph-1', checkinId: checkin.row.id, hash: 'h', owner: '本机', state: 'pending', blob: new Blob(['x']) })
    const before = { checkins: await legacy.table('checkins').toArray(), outbox: await legacy.table('outbox').toArray(), photos: await legacy.table('photos').count() }
    legacy.close()

    await db.open()
    expect(db.verno).toBe(11)
    expect(await db.checkins.toArray()).toEqual(before.checkins)
    expect(await db.outbox.toArray()).toEqual(before.outbox)
    expect(await db.photos.count()).toBe(before.photos)
    expect(await db.planFacts.count()).toBe(0)
    const unit = { kind: 'unit', unit: '娄底市行政审批服务局' } as const
    const old = await getListPoints(unit, undefined)
    expect(old!.length).toBeGreaterThan(0)

    await replacePlanData({ ...samplePlanData('v2'), plans })
    expect(await db.planFacts.count()).toBe(plans.length)
    expect(await getListPoints(unit, undefined)).toEqual(old)
    expect(await db.checkins.toArray()).toEqual(before.checkins)
    expect(await db.outbox.toArray()).toEqual(before.outbox)
  })
})

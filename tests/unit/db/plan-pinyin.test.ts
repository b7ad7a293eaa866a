import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db/db'
import { importLocalPlans, removeLocalPlan } from '~/db/local-plans'
import { replacePlanData } from '~/db/plan-data-loader'
import { getStoredPlan } from '~/db/stored-plan'
import { buildPinyinIndexes } from '~/search/build-index'
import { withPinyin } from '~/search/plan-pinyin'
import { loadSearchCorpus } from '~/search/search-docs'
import { makePlan, makePoint, resetDb, samplePlanData, THEMES } from './fixtures'

// Search's word pinyin travels with the plans (build, server, the import worker) and lands in planPinyin, one row
// per plan, so the search worker needs no dictionary.

function countyPlan() {
  return makePlan('moumou-2026-zwgk', {
    region: '某某县',
    level: 'county',
    year: 2026,
    origin: 'local',
    sections: [{ no: 1, title: '一', points: [
      makePoint('moumou-2026-zwgk-1', { title: '深化县域电子证照应用', leadUnits: ['县数据局'] }),
      makePoint('moumou-2026-zwgk-2', { title: '推进银行网点便民服务', leadUnits: ['县金融办'] }),
    ] }],
  })
}

const pinyinSearch = async (q: string) => buildPinyinIndexes(await loadSearchCorpus(db)).points.query(q)

beforeEach(async () => {
  await resetDb()
  await replacePlanData(withPinyin(samplePlanData('v1')))
})

describe('plan pinyin in IndexedDB', () => {
  it('stores a plan imported on this device with its pinyin, and removes it with the plan', async () => {
    const imported = withPinyin({ plans: [countyPlan()], themes: THEMES })
    await importLocalPlans(imported)
    expect((await db.planPinyin.get('moumou-2026-zwgk'))?.block).toEqual(imported.plans[0]!.pinyin)
    expect(await pinyinSearch('dzzz')).toEqual(['moumou-2026-zwgk-1'])
    expect(await pinyinSearch('yinhang')).toEqual(['moumou-2026-zwgk-2'])
    // Publishing sends the plan with its pinyin, so the server serves it on to colleagues.
    expect((await getStoredPlan('moumou-2026-zwgk'))?.pinyin).toEqual(imported.plans[0]!.pinyin)

    expect(await removeLocalPlan('moumou-2026-zwgk')).toBe(true)
    expect(await db.planPinyin.get('moumou-2026-zwgk')).toBeUndefined()
    expect(await pinyinSearch('dzzz')).toEqual([])
  })

  it('keeps the pinyin of the plans a replace keeps, drops the replaced ones\', and stores none for data without it', async () => {
    await importLocalPlans(withPinyin({ plans: [countyPlan()], themes: THEMES }))
    await replacePlanData(samplePlanData('v2'))
    expect((await db.planPinyin.toArray()).map(r => r.planId)).toEqual(['moumou-2026-zwgk'])
    expect(await pinyinSearch('dzzz')).toEqual(['moumou-2026-zwgk-1'])
    // The build's plans came without pinyin: characters still find them, pinyin does not.
    expect(await pinyinSearch('一件事')).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3'])
    expect(await pinyinSearch('yjs')).toEqual([])
  })

  it('re-imports a local plan without pinyin (an older import) by dropping its stale row', async () => {
    await importLocalPlans(withPinyin({ plans: [countyPlan()], themes: THEMES }))
    await importLocalPlans({ plans: [countyPlan()], themes: THEMES })
    expect(await db.planPinyin.get('moumou-2026-zwgk')).toBeUndefined()
  })
})

import type { BoardData } from '~/db/board'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin } from '~/db/actions'
import { getBoardData } from '~/db/board'
import { db } from '~/db/db'
import { importLocalPlans, removeLocalPlan } from '~/db/local-plans'
import { replacePlanData } from '~/db/plan-data-loader'
import { makePlan, makePoint, resetDb, samplePlanData, THEMES } from './fixtures'

const today = new Date(2023, 5, 20, 12)
const THEME_IDS = THEMES.map(t => t.id)

/** Every theme's board from the kept counts, and again counted from the plan rows with the counts set aside. */
async function bothWays(): Promise<{ kept: BoardData[], counted: BoardData[] }> {
  const kept = await Promise.all(THEME_IDS.map(id => getBoardData({ kind: 'theme', id }, today)))
  const rows = await db.boardIndex.toArray()
  await db.boardIndex.clear()
  const counted = await Promise.all(THEME_IDS.map(id => getBoardData({ kind: 'theme', id }, today)))
  await db.boardIndex.bulkPut(rows)
  return { kept, counted }
}

const county = makePlan('moumou-2026-zwgk', {
  title: '某某县2026年政务公开工作要点',
  region: '某某县',
  level: 'county',
  year: 2026,
  sections: [{ no: 1, title: '一', points: [
    makePoint('moumou-2026-zwgk-1', { themes: ['yjs', 'zwgk'], deadlines: [{ text: '6月底前', date: '2023-06-30' }] }),
    makePoint('moumou-2026-zwgk-2', { themes: ['zwgk'], deadlines: [{ text: '5月底前', date: '2023-05-31' }] }),
  ] }],
})

describe('the theme boards kept with the plan data', () => {
  beforeEach(async () => {
    await resetDb()
    await replacePlanData(samplePlanData())
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'done', progress: 100, note: '' }, today)
    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'blocked', progress: 10, note: '' }, today)
  })

  it('are written with the plan data and give the figures counted from the plan rows', async () => {
    expect((await db.boardIndex.toArray()).map(r => r.key).sort()).toEqual(['theme:rx', 'theme:yjs', 'theme:zwgk'])
    const { kept, counted } = await bothWays()
    expect(kept).toEqual(counted)
    const yjs = kept[THEME_IDS.indexOf('yjs')]!
    expect([yjs.mine.total, yjs.mine.counts.done, yjs.mine.counts.blocked, yjs.mine.overdue, yjs.mine.dueSoon]).toEqual([2, 1, 1, 0, 1])
  })

  it('follow a plan imported on this device, its new edition and its removal', async () => {
    await importLocalPlans({ plans: [county], themes: THEMES })
    await addCheckin({ pointId: 'moumou-2026-zwgk-2', status: 'in_progress', progress: 30, note: '' }, today)
    let both = await bothWays()
    expect(both.kept).toEqual(both.counted)
    expect(both.kept[THEME_IDS.indexOf('zwgk')]!.mine.sections.map(s => s.title)).toContain('某某县2026年政务公开工作要点')

    await importLocalPlans({ plans: [{ ...county, sections: [{ no: 1, title: '一', points: [makePoint('moumou-2026-zwgk-2', { themes: ['rx'] })] }] }], themes: THEMES })
    both = await bothWays()
    expect(both.kept).toEqual(both.counted)
    expect(both.kept[THEME_IDS.indexOf('rx')]!.mine.counts.in_progress).toBe(1)

    await removeLocalPlan(county.id)
    both = await bothWays()
    expect(both.kept).toEqual(both.counted)
    expect(both.kept[THEME_IDS.indexOf('rx')]!.mine.total).toBe(1)
  })

  it('stay absent for data stored before they were kept, and the board still counts', async () => {
    await db.boardIndex.clear()
    await importLocalPlans({ plans: [county], themes: THEMES })
    expect(await db.boardIndex.count()).toBe(0)
    expect((await getBoardData({ kind: 'theme', id: 'zwgk' }, today)).mine.total).toBe(5)
  })
})

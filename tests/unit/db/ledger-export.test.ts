import type { PreparedPhoto } from '~/db/photos'
import * as XLSX from '@e965/xlsx'
import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { replacePlanData } from '~/db/plan-data-loader'
import { getDeckIds } from '~/db/queries'
import { buildLedgerFile, loadLedgerSource } from '~/export/ledger-export'
import { filterLedgerPoints } from '~/export/ledger-rows'
import { makePlan, makePoint, resetDb, samplePlanData } from './fixtures'

function photo(n: number): PreparedPhoto {
  return { hash: String(n).padStart(64, '0'), blob: new Blob([`p${n}`]), thumb: new Blob([`t${n}`]), width: 10, height: 10 }
}

const TODAY = new Date(2026, 11, 1, 10, 0)

beforeEach(async () => {
  await resetDb()
  const data = samplePlanData()
  data.plans.push(makePlan('hunan-2022-zwfw', {
    title: '湖南省2022年政务管理服务工作要点',
    year: 2022,
    sections: [{ no: 1, title: '往年', points: [makePoint('hunan-2022-zwfw-1', { leadUnits: ['省政务局'] })] }],
  }))
  await replacePlanData(data)
})

describe('the 工作台账 from IndexedDB', () => {
  it('reads every point in reading order with its latest check-in and that check-in\'s photo count', async () => {
    await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'in_progress', progress: 30, note: '第一次' }, new Date(2026, 10, 1), [photo(1)])
    const latest = await addCheckin({ pointId: 'hunan-2023-zwfw-1', status: 'done', progress: 100, note: '完成' }, new Date(2026, 10, 2), [photo(2), photo(3)])
    // A check-in pulled from the server names its photos by hash; none of them is stored on this phone.
    await db.checkins.update(latest.id, { photos: [photo(2).hash, photo(3).hash] })
    const pulled = await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'blocked', progress: 10, note: '' }, new Date(2026, 10, 3))
    await db.checkins.update(pulled.id, { photos: [photo(4).hash, photo(5).hash, photo(6).hash, photo(7).hash] })
    await setFavorite('hunan-2023-zwfw-4', true)

    const src = await loadLedgerSource()
    expect(src.points.map(p => p.id)).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-2', 'hunan-2023-zwfw-3', 'hunan-2023-zwfw-4', 'hunan-2022-zwfw-1', 'changsha-2023-zwgk-1'])
    expect(src.latest.get('hunan-2023-zwfw-1')?.note).toBe('完成')
    expect(src.photoCounts.get(latest.id)).toBe(2)
    expect(src.photoCounts.get(pulled.id)).toBe(4)
    expect(src.favorites).toEqual(new Set(['hunan-2023-zwfw-4']))
    expect(src.themes.map(t => t.id)).toEqual(['yjs', 'zwgk', 'rx'])
  })

  it('picks 我的单位 exactly as the /list deck does', async () => {
    const src = await loadLedgerSource()
    for (const unit of ['湖南省政务局', '长沙市政务公开办', '湖南省政务服务和大数据中心', '政务公开办']) {
      const ids = filterLedgerPoints(src, { kind: 'unit', unit }, TODAY).map(p => p.id)
      expect(ids, unit).toEqual(await getDeckIds({ kind: 'unit', unit }))
    }
  })

  it('builds the XLSX and CSV files with the filter in their names', async () => {
    await addCheckin({ pointId: 'hunan-2022-zwfw-1', status: 'done', progress: 100, note: '往年已完成' }, new Date(2026, 10, 5), [photo(8)])
    const src = await loadLedgerSource()
    const xlsx = await buildLedgerFile(src, { kind: 'past' }, 'xlsx', TODAY)
    expect(xlsx.name).toBe('工作台账-往年-20261201.xlsx')
    expect(xlsx.rows).toBe(1)
    const wb = XLSX.read(new Uint8Array(await xlsx.blob.arrayBuffer()), { type: 'array' })
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['工作台账']!, { header: 1, defval: null })
    expect(rows[1]!.slice(11)).toEqual(['已完成', 1, '本机', expect.any(Number), '往年已完成', 1])
    const csv = await buildLedgerFile(src, { kind: 'plan', id: 'changsha-2023-zwgk' }, 'csv', TODAY)
    expect(csv.name).toBe('工作台账-长沙市2023年政务公开工作要点-20261201.csv')
    expect((await csv.blob.text()).split('\r\n')).toHaveLength(3)
  })
})

import type { Plan } from '~/domain/plan'
import type { ImportResult } from '~/import/import-protocol'
import { describe, expect, it } from 'vitest'
import { buildImportPreview } from '~/import/import-preview'
import { ingestIsolated } from '~/import/ingest-isolated'
import { ingest } from '~/ingest/pipeline'
import { makePlan, makePoint } from '../db/fixtures'
import { bytesOf, COUNTY_PLAN_TEXT } from './plan-text'

describe('buildImportPreview', () => {
  it('shows each plan with its facts, sections and points, and each file with its findings in Chinese', async () => {
    const files = [{ name: '某某县.txt', bytes: bytesOf(COUNTY_PLAN_TEXT) }, { name: '照片.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0, 5, 6]) }]
    const result = await ingestIsolated(files, ingest)
    const preview = buildImportPreview(result, files.map(f => f.name), new Map())

    expect(preview.importable).toBe(1)
    const [plan] = preview.plans
    expect(plan).toMatchObject({ id: 'moumou-2026-zwgk', title: '某某县2026年政务公开工作要点', meta: '某某县 · 县级 · 2026年', sectionCount: 2, pointCount: 4, status: 'new' })
    expect(plan!.sections.map(s => [s.no, s.title, s.pointCount])).toEqual([[1, '深化政务公开', 3], [2, '提升政务服务', 1]])
    expect(plan!.sections[0]!.groups[0]!.points.map(p => [p.no, p.title, p.leadUnits, p.deadline])).toEqual([
      [1, '推进基层政务公开标准化', '县政务局', '年底前'],
      [2, '加强政策解读', '县数据局', '6月份前'],
      [3, '完善政府信息公开目录', '未写明', '未写明'],
    ])

    const [good, bad] = preview.files
    expect(good).toMatchObject({ name: '某某县.txt', state: 'read', plans: ['某某县2026年政务公开工作要点'] })
    // The pipeline's own zh line or this module's wording: either names the point.
    expect(good!.notes.map(n => n.words)).toContainEqual(expect.stringContaining('第 3 条没有写明牵头单位'))
    expect(bad).toMatchObject({ name: '照片.txt', state: 'unreadable', plans: [] })
    expect(bad!.notes[0]).toMatchObject({ mark: '✕', label: '无法读取' })
    expect([...preview.files.flatMap(f => f.notes), ...preview.notes].every(n => /\p{Script=Han}/u.test(n.words))).toBe(true)
  })

  it('groups points under their （一） heading, and says which plans the device has already', () => {
    const nested: Plan = makePlan('a-2026-x', { sections: [{ no: 1, title: '一', points: [
      makePoint('a-2026-x-1-1-1', { no: 1, group: '（一）推进标准化' }),
      makePoint('a-2026-x-1-1-2', { no: 2, group: '（一）推进标准化' }),
      makePoint('a-2026-x-1-2-1', { no: 1, group: '（二）加强解读' }),
    ] }] })
    const result: ImportResult = {
      data: { version: 'x', plans: [nested, makePlan('b'), makePlan('c')], themes: [] },
      diagnostics: [{ level: 'warning', code: 'merged', message: 'merged two readings' }],
      unreadable: [{ name: '坏的.docx', message: 'zip error' }],
    }
    const preview = buildImportPreview(result, ['000.txt', '坏的.docx'], new Map([['b', 'local'], ['c', 'build']]))
    expect(preview.plans[0]!.sections[0]!.groups.map(g => [g.heading, g.points.length])).toEqual([['（一）推进标准化', 2], ['（二）加强解读', 1]])
    expect(preview.plans.map(p => p.status)).toEqual(['new', 'replace', 'exists'])
    expect(preview.importable).toBe(2)
    expect(preview.files[1]).toMatchObject({ state: 'unreadable', notes: [{ words: '这份文件无法读取，其他文件不受影响', detail: 'zip error' }] })
    expect(preview.notes).toEqual([{ level: 'warning', mark: '!', label: '请核对', words: '有一处内容需要核对', detail: 'merged two readings' }])
  })
})

import type { DocumentSpec } from '../../../scripts/fixtures/spec'
import type { PlanData } from '../../../src/domain/plan'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { COUNTY_PLAN, NESTED_PLAN, TASK_TABLE } from '../../../scripts/fixtures/samples'
import { allPoints } from '../../../scripts/fixtures/spec'
import { PlanDataSchema } from '../../../src/domain/plan'
import { ingest } from '../../../src/ingest/pipeline'

// Every committed fixture (written the way Word, WPS, Excel, LibreOffice and a browser's 另存为 write files) read
// through the one entry point the CLI and the app use, compared with the plan it was made from.
const dir = fileURLToPath(new URL('./fixtures/documents/', import.meta.url))

async function read(file: string): Promise<{ data: PlanData, codes: string[] }> {
  const { data, diagnostics } = await ingest([{ name: file, bytes: new Uint8Array(readFileSync(dir + file)) }])
  PlanDataSchema.parse(data)
  return { data, codes: diagnostics.filter(d => d.level === 'error').map(d => d.code) }
}

function sectionCounts(spec: DocumentSpec): number[] {
  return spec.sections.map(s => [...(s.groups ?? []).flatMap(g => g.points), ...(s.points ?? [])].length)
}

describe.each([
  ['plan.txt', NESTED_PLAN],
  ['plan-word.docx', NESTED_PLAN],
  ['plan.pdf', NESTED_PLAN],
  ['plan-owner-password.pdf', NESTED_PLAN],
  ['page-gb2312.html', NESTED_PLAN],
  ['plan-wps.docx', COUNTY_PLAN],
  ['page-utf8.html', COUNTY_PLAN],
  ['plan-2col.pdf', COUNTY_PLAN],
  ['tasks.xlsx', TASK_TABLE],
  ['tasks-libreoffice.xlsx', TASK_TABLE],
  ['tasks.xls', TASK_TABLE],
  ['tasks-utf8-bom.csv', TASK_TABLE],
  ['tasks-gbk.csv', TASK_TABLE],
] as const)('%s', (file, spec) => {
  it('gives the plan it was made from: title, sections, point titles and lead units', async () => {
    const { data, codes } = await read(file)
    expect(codes).toEqual([])
    expect(data.plans.map(p => p.title)).toEqual([spec.title])
    const plan = data.plans[0]!
    expect(plan.sections.map(s => s.title)).toEqual(spec.sections.map(s => s.title))
    expect(plan.sections.map(s => s.points.length)).toEqual(sectionCounts(spec))
    const points = plan.sections.flatMap(s => s.points)
    expect(points.map(p => p.title)).toEqual(allPoints(spec).map(p => p.title))
    expect(points.map(p => p.leadUnits)).toEqual(allPoints(spec).map(p => p.lead))
    expect(points.map(p => p.partnerUnits)).toEqual(allPoints(spec).map(p => p.partners))
    const groups = spec.sections.flatMap(s => (s.groups ?? []).flatMap(g => g.points.map(() => g.title)))
    if (groups.length > 0 && !file.startsWith('tasks'))
      expect(points.map(p => p.group)).toEqual(groups)
  })
})

describe.each([
  ['plan.doc', 'doc-legacy'],
  ['plan.odt', 'odf'],
  ['slides.pptx', 'pptx'],
  ['scanned.pdf', 'pdf-scanned'],
  ['plan-encrypted.pdf', 'pdf-encrypted'],
  ['photo-named.pdf', 'image'], // a photo named .pdf: the content decides
  ['truncated.docx', 'damaged-zip'],
] as const)('%s', (file, code) => {
  it('is refused with one clear line and no plan', async () => {
    const { data, diagnostics } = await ingest([{ name: file, bytes: new Uint8Array(readFileSync(dir + file)) }])
    expect(data.plans).toEqual([])
    const errors = diagnostics.filter(d => d.level === 'error')
    expect(errors.map(e => e.code)).toEqual([code])
    expect(errors[0]!.zh?.match(/[\u4E00-\u9FA5]/g)?.length ?? 0).toBeGreaterThan(8)
  })
})

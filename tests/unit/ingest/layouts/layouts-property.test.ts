import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '../../../../src/domain/plan'
import { ingest } from '../../../../src/ingest/pipeline'
import { builtPlan, builtPoints, renderPlan } from './generated-plans'

const encode = (text: string) => new TextEncoder().encode(text)

/** Lines broken at a fixed width with page markers, as text pulled from a PDF comes. */
function reflow(text: string): string {
  const out: string[] = []
  for (const line of text.split('\n')) {
    for (let i = 0; i < line.length; i += 23)
      out.push(line.slice(i, i + 23))
  }
  return out.map((line, i) => (i % 30 === 29 ? `${line}\n— ${(i + 1) / 30} —` : line)).join('\n')
}

const NOTICE = '您当前的位置：首页 > 政务公开 > 通知公告\n发布时间：2026-03-02 来源：政府办 字号：大 中 小\n'

describe('random documents in the supported layouts', () => {
  it('give back exactly the points they were built from, with titles, units and group headings', async () => {
    await fc.assert(fc.asyncProperty(builtPlan, fc.constantFrom('lines', 'flat', 'crlf', 'pdf', 'page'), async (plan, shape) => {
      const text = renderPlan(plan)
      const shaped = shape === 'flat'
        ? text.replace(/\n/g, '')
        : shape === 'crlf' ? text.replace(/\n/g, '\r\n') : shape === 'pdf' ? reflow(text) : shape === 'page' ? `${NOTICE}${text}` : text
      const { data } = await ingest([{ name: 'generated.txt', bytes: encode(shaped) }])
      PlanDataSchema.parse(data)
      expect(data.plans.map(p => [p.title, p.year])).toEqual([[plan.title, plan.year]])
      const read = data.plans[0]!.sections.flatMap(s => s.points)
      const built = builtPoints(plan)
      expect(read.map(p => ({ title: p.title, lead: p.leadUnits, partner: p.partnerUnits, ...(p.group ? { group: p.group } : {}) })))
        .toEqual(built.map(p => ({ title: p.title, lead: p.lead, partner: p.partner, ...(p.group ? { group: p.group } : {}) })))
      expect(data.plans[0]!.sections).toHaveLength(plan.withSections ? plan.sections.length : 1)
      expect(new Set(read.map(p => p.id)).size).toBe(read.length)
    }), { numRuns: 200, seed: 20261201 })
  })
})

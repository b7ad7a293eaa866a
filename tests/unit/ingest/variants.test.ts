import type { PlanData } from '../../../src/domain/plan'
import { Converter } from 'opencc-js/cn2t'
import { describe, expect, it } from 'vitest'
import { ingest } from '../../../src/ingest/pipeline'
import { encodeGb18030 } from './gbk-encoder'
import { allPoints, seedText, textFile } from './seed-helpers'

// Documents the parser has never seen, made from the seeds the way real publishing mangles them.
const toTraditional = Converter({ from: 'cn', to: 'tw' })

/** Re-flows text the way PDF extraction does: fixed-width lines, page markers, spaces before 年/月/日, lone markers. */
function reflowAsPdf(text: string): string {
  const lines: string[] = []
  for (const para of text.split('\n')) {
    const withSpaces = para.replace(/(\d)([年月日项个])/g, '$1 $2').replace(/^(（[一二三四五六七八九十]+）)/, '$1\n')
    for (const part of withSpaces.split('\n')) {
      for (let i = 0; i < part.length; i += 37)
        lines.push(part.slice(i, i + 37))
    }
  }
  const out: string[] = []
  lines.forEach((line, i) => {
    if (i % 40 === 0)
      out.push(`# Page ${1000 + i / 40}:`)
    out.push(line)
  })
  return out.join('\n')
}

function halfWidth(text: string): string {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';')
}

function summary(data: PlanData) {
  return data.plans.map(p => ({
    title: p.title,
    sections: p.sections.map(s => s.title),
    points: p.sections.flatMap(s => s.points).map(pt => ({ no: pt.no, title: pt.title, lead: pt.leadUnits, partner: pt.partnerUnits, deadlines: pt.deadlines })),
  }))
}

const baselines = new Map<string, ReturnType<typeof summary>>()
for (const seed of ['004', '000'])
  baselines.set(seed, summary((await ingest([textFile(`${seed}.txt`, seedText(seed))])).data))

describe.each(['004', '000'])('variants of seed %s', (seed) => {
  const original = seedText(seed)
  const baseline = baselines.get(seed)!

  it('has a baseline to compare with', () => {
    expect(baseline.length).toBeGreaterThan(0)
    expect(baseline.flatMap(p => p.points).length).toBeGreaterThan(15)
  })

  it.each([
    ['re-flowed as PDF text', (t: string) => textFile('pdf.txt', reflowAsPdf(t))],
    ['converted to Traditional with half-width punctuation', (t: string) => textFile('trad.txt', halfWidth(toTraditional(t)))],
    ['flattened to one line', (t: string) => textFile('flat.txt', t.replace(/\s+/g, ''))],
    ['encoded as GBK', (t: string) => ({ name: 'gbk.txt', bytes: encodeGb18030(t.replace(/[^\n\u0020-\u007E\u3000-\u303F\u4E00-\u9FA5\uFF01-\uFF5E“”‘’—…·]/g, '')) })],
    ['with Windows line ends and stray white space', (t: string) => textFile('crlf.txt', t.replace(/\n/g, ' \r\n\r\n').replace(/。/g, '。 '))],
  ])('reads the same plans when %s', async (_name, make) => {
    const { data } = await ingest([make(original)])
    expect(summary(data)).toEqual(baseline)
  })
})

describe('another city\'s plan', () => {
  it('reads 株洲市2024 made from 长沙市2023 with the right id, region and plan-year deadlines', async () => {
    const text = seedText('004').replace(/长沙/g, '株洲').replace(/2023/g, '2024')
    const { data } = await ingest([textFile('zhuzhou.txt', text)])
    expect(data.plans).toHaveLength(1)
    const plan = data.plans[0]!
    expect(plan).toMatchObject({ id: 'zhuzhou-2024-zwgk', region: '株洲市', level: 'city', year: 2024, docNo: '长政务公开办发〔2024〕2号' })
    expect(allPoints(data)).toHaveLength(17)
    expect(allPoints(data).flatMap(p => p.deadlines).every(d => d.date.startsWith('2024'))).toBe(true)
  })

  it('merges the same plan given twice into one plan listing both sources', async () => {
    const text = seedText('004')
    const { data } = await ingest([textFile('a.txt', text), textFile('b.txt', reflowAsPdf(text))])
    expect(data.plans).toHaveLength(1)
    expect(data.plans[0]!.sources).toEqual(['a.txt', 'b.txt'])
  })
})

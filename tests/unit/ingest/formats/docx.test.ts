import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FEATURES_EXPECTED, FEATURES_NOT_IN_BODY } from '../../../../scripts/fixtures/docx-features'
import { planLines, renderDocxWord, renderDocxWps, taskTableRows } from '../../../../scripts/fixtures/render'
import { COUNTY_PLAN, NESTED_PLAN } from '../../../../scripts/fixtures/samples'
import { chineseCounting, formatListNumber } from '../../../../src/ingest/formats/numfmt'
import { documentSpec } from './arbitrary'
import { allText, paragraphs, read, rowsOf, tables } from './helpers'

describe('.docx written by Word', () => {
  it('reads the paragraphs in order with the automatic numbering turned back into text (一、 （一） 1.)', async () => {
    const doc = await read('plan-word.docx')
    expect(doc.format).toBe('docx')
    expect(doc.diagnostics).toEqual([])
    expect(paragraphs(doc)).toEqual(planLines(NESTED_PLAN))
    expect(paragraphs(doc)).toContain('一、围绕优化营商环境加强政务公开')
    expect(paragraphs(doc)).toContain('（二）推进涉企执法信息公开')
    expect(paragraphs(doc).some(t => t.startsWith('3.公开行政执法结果。'))).toBe(true)
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', at: '第 1 段' })
  })

  it('keeps the header, the footer and its PAGE field out of the blocks', async () => {
    const text = allText(await read('plan-word.docx'))
    expect(text).not.toContain('某某县人民政府办公室文件')
    expect(text).not.toMatch(/—\s*(?:\d+\s*)?—|PAGE|MERGEFORMAT/)
  })

  it('reads content controls, tracked changes, fields, breaks, text boxes, every list format and a merged table', async () => {
    const doc = await read('features.docx')
    expect(doc.format).toBe('docx')
    expect(doc.blocks.map(b => (b.kind === 'paragraph' ? { kind: b.kind, text: b.text } : { kind: b.kind, rows: rowsOf(b) }))).toEqual(FEATURES_EXPECTED)
    expect(tables(doc)[0]!.at).toBe('第 1 个表格')
  })

  it('lets nothing of headers, footers, footnotes, comments, hidden text, deletions or field codes leak', async () => {
    const text = allText(await read('features.docx'))
    for (const outside of FEATURES_NOT_IN_BODY)
      expect(text).not.toContain(outside)
  })

  it('round-trips random plans: every paragraph comes back with its number', async () => {
    await fc.assert(fc.asyncProperty(documentSpec, async (spec) => {
      const doc = await read('random.docx', renderDocxWord(spec, { header: Math.random() < 0.5 }))
      expect(paragraphs(doc)).toEqual(planLines(spec))
    }), { numRuns: 40 })
  })
})

describe('.docx written by WPS', () => {
  it('reads the typed numbers and the task table with its merged section rows', async () => {
    const doc = await read('plan-wps.docx')
    expect(doc.format).toBe('docx')
    expect(paragraphs(doc)).toEqual([...planLines(COUNTY_PLAN), '附件', `${COUNTY_PLAN.title}重点任务分解表`])
    expect(tables(doc)).toHaveLength(1)
    expect(rowsOf(tables(doc)[0])).toEqual(taskTableRows(COUNTY_PLAN, { title: false, note: false, measuresOnLines: true }))
    expect(tables(doc)[0]!.rows[1]).toEqual({ cells: ['一、夯实数据资源基础', '', '', '', '', ''], merged: true })
  })

  it('round-trips random plans with their task tables', async () => {
    await fc.assert(fc.asyncProperty(documentSpec, async (spec) => {
      const doc = await read('random-wps.docx', renderDocxWps(spec))
      expect(paragraphs(doc)).toEqual([...planLines(spec), '附件', `${spec.title}重点任务分解表`])
      expect(rowsOf(tables(doc)[0])).toEqual(taskTableRows(spec, { title: false, note: false, measuresOnLines: true }))
    }), { numRuns: 30 })
  })
})

describe('list number formats', () => {
  it('writes Chinese counting numerals the way Word shows them', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005].map(n => chineseCounting(n))).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千零五'])
  })

  it('covers the formats plan documents use', () => {
    const cases: [string, number, string][] = [
      ['chineseCountingThousand', 12, '十二'],
      ['ideographTraditional', 3, '丙'],
      ['ideographZodiac', 2, '丑'],
      ['japaneseCounting', 14, '十四'],
      ['decimal', 7, '7'],
      ['decimalZero', 7, '07'],
      ['decimalEnclosedCircle', 3, '③'],
      ['decimalEnclosedCircle', 21, '㉑'],
      ['decimalEnclosedCircleChinese', 20, '⑳'],
      ['decimalEnclosedParen', 2, '⑵'],
      ['decimalEnclosedFullstop', 4, '⒋'],
      ['decimalFullWidth', 12, '１２'],
      ['upperLetter', 28, 'BB'],
      ['lowerLetter', 1, 'a'],
      ['upperRoman', 14, 'XIV'],
      ['lowerRoman', 9, 'ix'],
      ['chineseLegalSimplified', 11, '壹拾壹'],
      ['ideographDigital', 2026, '二〇二六'],
      ['bullet', 1, ''],
      ['somethingNew', 5, '5'],
    ]
    for (const [format, n, text] of cases)
      expect(formatListNumber(n, format), `${format} ${n}`).toBe(text)
  })
})

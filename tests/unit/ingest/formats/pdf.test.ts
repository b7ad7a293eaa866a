import type { PageText, TextPiece } from '../../../../src/ingest/formats/pdf-lines'
import { describe, expect, it } from 'vitest'
import { planLines } from '../../../../scripts/fixtures/render'
import { COUNTY_PLAN, NESTED_PLAN } from '../../../../scripts/fixtures/samples'
import { dropRunningText, pageLines } from '../../../../src/ingest/formats/pdf-lines'
import { expectRefusal, fixture, paragraphs, read } from './helpers'

const squeeze = (text: string) => text.replace(/\s+/g, '')

describe('.pdf made by LibreOffice from the Word file', () => {
  it('reads the text layer line by line in reading order, numbering included', async () => {
    const doc = await read('plan.pdf')
    expect(doc.format).toBe('pdf')
    expect(doc.diagnostics).toEqual([])
    // Joined, the lines are the document's text: nothing missing, nothing added, nothing out of order.
    expect(squeeze(paragraphs(doc).join(''))).toBe(squeeze(planLines(NESTED_PLAN).join('')))
    expect(paragraphs(doc)).toContain('一、围绕优化营商环境加强政务公开')
    expect(paragraphs(doc).map(squeeze)).toContain('（二）推进涉企执法信息公开')
    expect(paragraphs(doc).length).toBeGreaterThan(planLines(NESTED_PLAN).length)
  })

  it('drops the running header and the page numbers — N —, keeping 第 N 页 as the position', async () => {
    const doc = await read('plan.pdf')
    const text = paragraphs(doc).join('\n')
    expect(text).not.toContain('某某县人民政府办公室文件')
    expect(text).not.toMatch(/^\s*[—-]\s*\d+\s*[—-]\s*$/m)
    expect(new Set(doc.blocks.map(b => b.at))).toEqual(new Set(['第 1 页', '第 2 页', '第 3 页']))
  })

  it('keeps a point that breaks across a page whole and in order, without the header between its lines', async () => {
    const lines = (await read('plan.pdf')).blocks.flatMap(b => (b.kind === 'paragraph' ? [b] : []))
    for (const [first, next] of [['1.集中公开涉企政策', '2.'], ['4.推进标准目录落地', '5.']] as const) {
      const start = lines.findIndex(b => b.text.startsWith(first))
      const end = lines.findIndex((b, i) => i > start && b.text.startsWith(next))
      expect(start).toBeGreaterThanOrEqual(0)
      const point = lines.slice(start, end)
      // The point's lines stand on two pages: this is a page break inside the point.
      expect(new Set(point.map(b => b.at)).size).toBe(2)
      expect(squeeze(point.map(b => b.text).join(''))).toBe(squeeze(planLines(NESTED_PLAN).find(l => l.startsWith(first))!))
    }
  })

  it('reads a two-column page column by column', async () => {
    const doc = await read('plan-2col.pdf')
    expect(doc.format).toBe('pdf')
    expect(squeeze(paragraphs(doc).join(''))).toBe(squeeze(planLines(COUNTY_PLAN).join('')))
  })

  it('reads a PDF that has only an owner password (restrictions, no opening password)', async () => {
    const doc = await read('plan-owner-password.pdf')
    expect(doc.format).toBe('pdf')
    expect(squeeze(paragraphs(doc).join(''))).toBe(squeeze(planLines(NESTED_PLAN).join('')))
  })

  it('refuses an encrypted PDF and a scanned one with one clear line each', async () => {
    expectRefusal(await read('plan-encrypted.pdf'), 'pdf-encrypted', 'PDF 文件已加密，请提供未加密的文件')
    expectRefusal(await read('scanned.pdf'), 'pdf-scanned', '扫描版 PDF 无文字层，请提供文字版或 Word 文件')
  })

  it('tells a PDF by its content whatever the name, and a damaged one clearly', async () => {
    const doc = await read('plan.txt', fixture('plan.pdf'))
    expect(doc.format).toBe('pdf')
    const head = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 3\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n')
    expectRefusal(await read('broken.pdf', head), 'damaged-pdf')
    const cut = fixture('plan.pdf').subarray(0, 20_000)
    const truncated = await read('cut.pdf', cut)
    // PDF.js rebuilds what it can from a cut file; either it reads some text or it says the file is damaged.
    if (truncated.format === null)
      expect(truncated.diagnostics).toHaveLength(1)
  })
})

const piece = (str: string, x: number, y: number, size = 16): TextPiece => ({ str, x, y, width: str.length * size, size })
const page = (pieces: TextPiece[]): PageText => ({ pieces, width: 600, height: 800 })

describe('line building from PDF text items', () => {
  it('groups pieces by baseline, sorts them by x and puts spaces only where pieces stand apart', () => {
    const lines = pageLines(page([
      piece('推进', 100, 300),
      piece('数据共享', 132, 300.4),
      piece('5G', 230, 300),
      piece('基站', 290, 300),
      piece('第二行', 100, 330),
      piece('Hello', 100, 360, 10),
      piece('world', 155, 360, 10),
      piece('县司法局', 100, 390),
      piece('年底前', 300, 390),
    ]))
    expect(lines.map(l => l.text)).toEqual(['推进数据共享 5G 基站', '第二行', 'Hello world', '县司法局 年底前'])
  })

  it('does not turn letter-spaced Chinese into words', () => {
    expect(pageLines(page([piece('关 于 印 发', 100, 300)])).map(l => l.text)).toEqual(['关于印发'])
  })

  it('drops running headers and footers that repeat on most pages, digits aside, and page numbers', () => {
    const lines = (texts: [string, number][]) => texts.map(([text, y]) => ({ text, y, x0: 0, x1: 100 }))
    const pages = [1, 2, 3, 4].map(n => ({
      height: 800,
      lines: lines([[`某某县人民政府办公室 ${n}`, 40], [`正文第${n}页的内容`, 300], [n === 2 ? '第 2 页 共 4 页' : n === 3 ? '3/4' : n === 4 ? '- 4 -' : '— 1 —', 770]]),
    }))
    pages[3]!.lines.push({ text: '7', y: 780, x0: 0, x1: 10 })
    pages[0]!.lines.push({ text: '2026', y: 400, x0: 0, x1: 40 })
    expect(dropRunningText(pages).map(p => p.map(l => l.text))).toEqual([['正文第1页的内容', '2026'], ['正文第2页的内容'], ['正文第3页的内容'], ['正文第4页的内容']])
  })

  it('keeps a repeated line once when it stands in the body (a table header repeated on later pages)', () => {
    const header = '序号 重点任务 牵头单位'
    const pages = [
      { height: 800, lines: [{ text: '标题', y: 200, x0: 0, x1: 1 }, { text: header, y: 400, x0: 0, x1: 1 }] },
      { height: 800, lines: [{ text: header, y: 60, x0: 0, x1: 1 }, { text: '1 任务', y: 300, x0: 0, x1: 1 }] },
      { height: 800, lines: [{ text: header, y: 60, x0: 0, x1: 1 }, { text: '2 任务', y: 300, x0: 0, x1: 1 }] },
    ]
    expect(dropRunningText(pages).map(p => p.map(l => l.text))).toEqual([['标题', header], ['1 任务'], ['2 任务']])
  })
})

import * as XLSX from '@e965/xlsx'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderCsv, renderXlsx, taskTableRows } from '../../../../scripts/fixtures/render'
import { TASK_TABLE } from '../../../../scripts/fixtures/samples'
import { detectDelimiter, parseDelimited } from '../../../../src/ingest/formats/csv'
import { documentSpec } from './arbitrary'
import { expectRefusal, fixture, read, rowsOf, tables } from './helpers'

const EXPECTED = taskTableRows(TASK_TABLE, { measuresOnLines: true })
/** CSV has no merges: the same rows without the flag. */
const plain = (rows: typeof EXPECTED) => rows.map(r => ({ cells: r.cells }))

describe('.xlsx and .xls task tables', () => {
  it.each(['tasks.xlsx', 'tasks-libreoffice.xlsx', 'tasks.xls'])('reads %s: one table per visible sheet, merged rows, dates and numbers as shown', async (name) => {
    const doc = await read(name)
    expect(doc.format).toBe(name.endsWith('.xls') ? 'xls' : 'xlsx')
    // The hidden 填报说明 sheet and the empty Sheet3 give no table.
    expect(tables(doc).map(t => [t.name, t.at])).toEqual([['任务分解', '工作表 任务分解']])
    expect(rowsOf(tables(doc)[0])).toEqual(EXPECTED)
  })

  it('writes a date cell as 2026年6月30日 whatever its number format, and keeps line breaks in cells', async () => {
    const table = tables(await read('tasks.xlsx'))[0]!
    expect(table.rows.map(r => r.cells[5])).toContain('2026年6月30日')
    expect(table.rows.map(r => r.cells[5])).toContain('2026年12月31日')
    expect(table.rows[3]!.cells).toEqual(['1', '推行企业开办一件事', '整合营业执照、印章刻制、涉税办理等环节。\n实现1个工作日内办结。', '市市场监管局', '市公安局、市税务局', '2026年6月30日'])
  })

  it('reads workbooks SheetJS writes: numbers without .0, merges that do not span the row left empty', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['某某县2026年重点任务清单', null, null, null],
      ['序号', '工作任务', '责任单位', '完成时限'],
      [1, '任务甲', '县数据局', '年底前'],
      [2.5, '任务乙', '县财政局', null],
      [3, '合并说明', null, ''],
    ])
    sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }, { s: { r: 4, c: 1 }, e: { r: 4, c: 2 } }]
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, '清单')
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const doc = await read('sheetjs.xlsx', bytes)
    expect(rowsOf(tables(doc)[0])).toEqual([
      { cells: ['某某县2026年重点任务清单', '', '', ''], merged: true },
      { cells: ['序号', '工作任务', '责任单位', '完成时限'] },
      { cells: ['1', '任务甲', '县数据局', '年底前'] },
      { cells: ['2.5', '任务乙', '县财政局', ''] },
      { cells: ['3', '合并说明', '', ''] },
    ])
  })

  it('round-trips random plans as Excel task tables', async () => {
    await fc.assert(fc.asyncProperty(documentSpec, async (spec) => {
      const doc = await read('random.xlsx', renderXlsx(spec))
      expect(rowsOf(tables(doc)[0])).toEqual(taskTableRows(spec, { measuresOnLines: true }))
    }), { numRuns: 25 })
  })

  it('refuses a password-protected workbook', async () => {
    const cfb = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 64, 0, 0, 0]))
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7))
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>)
    expectRefusal(await read('locked.xlsx', bytes), 'office-encrypted', /已加密/)
  })
})

describe('.csv', () => {
  it.each(['tasks-utf8-bom.csv', 'tasks-gbk.csv'])('reads %s (BOM UTF-8 and GBK) into one table', async (name) => {
    const doc = await read(name)
    expect(doc.format).toBe('csv')
    expect(tables(doc).map(t => t.name)).toEqual([name.replace('.csv', '')])
    expect(rowsOf(tables(doc)[0])).toEqual(plain(EXPECTED))
  })

  it('tells a CSV by its content when the name says .txt, and reads tab- and semicolon-separated files', async () => {
    expect((await read('export.txt', fixture('tasks-utf8-bom.csv'))).format).toBe('csv')
    const tsv = await read('tasks.tsv', renderCsv(TASK_TABLE, 'utf-8-bom', '\t'))
    expect(rowsOf(tables(tsv)[0])).toEqual(plain(EXPECTED))
    const semicolons = await read('tasks.txt', renderCsv(TASK_TABLE, 'gbk', ';'))
    expect(semicolons.format).toBe('csv')
    expect(rowsOf(tables(semicolons)[0])).toEqual(plain(EXPECTED))
  })

  it('parses RFC 4180: quotes, doubled quotes, line breaks inside quotes, CRLF and a missing final newline', () => {
    expect(parseDelimited('a,"b,c","say ""hi"""\r\n"line1\nline2",,x\n1,2,3', ',')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['line1\nline2', '', 'x'],
      ['1', '2', '3'],
    ])
    expect(parseDelimited('a;b\n', ';')).toEqual([['a', 'b']])
    expect(parseDelimited('', ',')).toEqual([])
  })

  it('detects the delimiter from the first rows', () => {
    expect(detectDelimiter('序号,任务,单位\n1,甲,乙\n')).toBe(',')
    expect(detectDelimiter('序号\t任务\t单位\n1\t甲，乙\t丙\n')).toBe('\t')
    expect(detectDelimiter('序号;任务;单位\n1;"a;b";c\n')).toBe(';')
  })

  it('round-trips random plans as CSV in both encodings', async () => {
    await fc.assert(fc.asyncProperty(documentSpec, fc.constantFrom('utf-8-bom' as const, 'gbk' as const), async (spec, encoding) => {
      const doc = await read('random.csv', renderCsv(spec, encoding))
      expect(rowsOf(tables(doc)[0])).toEqual(plain(taskTableRows(spec, { measuresOnLines: true })))
    }), { numRuns: 40 })
  })
})

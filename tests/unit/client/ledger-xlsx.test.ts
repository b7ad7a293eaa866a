import type { LedgerFilter } from '~/export/ledger-rows'
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { ledgerFileName, ledgerFilterLabel, sanitizeFileNamePart } from '~/export/ledger-file-name'
import { choiceFilter, filterCount, ledgerCounts } from '~/export/ledger-options'
import { buildLedgerRecords, LEDGER_COLUMNS } from '~/export/ledger-rows'
import { buildLedgerXlsx, columnWidths, displayWidth, LEDGER_SHEET } from '~/export/ledger-xlsx'
import { ledgerFixture, TODAY } from './ledger-fixture'

const src = ledgerFixture()
const UNIT = '湖南省政务局'

/** The workbook for a filter, written and read back with the same library, as a user's Excel would get it. */
function roundTrip(filter: LedgerFilter) {
  const bytes = buildLedgerXlsx(XLSX, buildLedgerRecords(src, filter, TODAY))
  const wb = XLSX.read(bytes, { type: 'array', cellDates: true, cellNF: true, cellStyles: true })
  const ws = wb.Sheets[LEDGER_SHEET]!
  return { bytes, wb, ws, rows: XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null }) }
}

function part(bytes: Uint8Array, path: string): string {
  const zip = XLSX.CFB.read(bytes, { type: 'array' })
  return new TextDecoder().decode(Uint8Array.from(XLSX.CFB.find(zip, path).content as ArrayLike<number>))
}

describe('the 工作台账 XLSX', () => {
  const all = roundTrip({ kind: 'all' })

  it('opens with one 工作台账 sheet whose header is the issue\'s columns in order', () => {
    expect(all.wb.SheetNames).toEqual(['工作台账'])
    expect(all.rows[0]).toEqual(['计划', '层级', '年度', '部分', '序号', '要点', '牵头单位', '配合单位', '时限', '目标', '主题', '最新状态', '进度', '打卡人', '打卡时间', '说明', '佐证数'])
    expect(all.rows).toHaveLength(7)
  })

  it('keeps the Chinese text, numbers and the note\'s line break intact', () => {
    const row = all.rows.find(r => r[5] === '深化一件事一次办改革')!
    expect(row.slice(0, 8)).toEqual(['湖南省2023年政务管理服务工作要点', '省级', 2023, '一、提升政务服务效能', 1, '深化一件事一次办改革', '省政务局', null])
    expect(row.slice(10, 14)).toEqual(['一件事一次办', '推进中', 0.6, '张三'])
    expect(row[15]).toBe('已完成"摸底", 待验收\n下周上报：市州全覆盖')
    expect(row[16]).toBe(3)
    // A formula-looking note stays text: no cell of the sheet is a formula.
    expect(all.rows.find(r => r[5] === '完善数据共享机制')![15]).toBe('=HYPERLINK("x")')
    expect(Object.values(all.ws).some(c => typeof c === 'object' && c !== null && 'f' in c)).toBe(false)
  })

  it('writes 时限 (one deadline) and 打卡时间 as real dates in local time, and 进度 as a percentage', () => {
    const r = XLSX.utils.decode_range(all.ws['!ref']!)
    const at = (row: number, col: string) => all.ws[`${col}${row + 1}`] as XLSX.CellObject
    const rowOf = (title: string) => all.rows.findIndex(x => x[5] === title)
    expect(r.e.r).toBe(6)
    const done = rowOf('完善数据共享机制')
    expect(at(done, 'I').t).toBe('d')
    expect(at(done, 'I').z).toBe('yyyy-mm-dd')
    // Excel's wall clock: the serial reads back as that local day and time, whatever the machine's time zone.
    expect((at(done, 'I').v as Date).toISOString()).toBe('2023-06-30T00:00:00.000Z')
    expect(at(done, 'O').t).toBe('d')
    expect(at(done, 'O').z).toBe('yyyy-mm-dd hh:mm')
    expect((at(done, 'O').v as Date).toISOString()).toBe('2026-11-30T17:45:00.000Z')
    expect(at(done, 'M')).toMatchObject({ t: 'n', v: 1, z: '0%' })
    // Several deadlines stay words with their dates.
    expect(at(rowOf('深化一件事一次办改革'), 'I')).toMatchObject({ t: 's', v: '6月份前（2023-06-30）；年底前（2023-12-31）' })
  })

  it('freezes the header row and styles it bold on a tint', () => {
    const sheet = part(all.bytes, '/xl/worksheets/sheet1.xml')
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    const header = /<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)![1]!
    const styles = [...header.matchAll(/<c r="[A-Z]+1" s="(\d+)"/g)].map(m => Number(m[1]))
    expect(styles).toHaveLength(LEDGER_COLUMNS.length)
    expect(new Set(styles).size).toBe(1)
    const xfs = [...part(all.bytes, '/xl/styles.xml').matchAll(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/g)][0]![1]!.match(/<xf [^>]*>/g)!
    const fontId = Number(/fontId="(\d+)"/.exec(xfs[styles[0]!]!)![1])
    const fonts = /<fonts count="\d+">([\s\S]*?)<\/fonts>/.exec(part(all.bytes, '/xl/styles.xml'))![1]!.match(/<font>[\s\S]*?<\/font>/g)!
    expect(fonts[fontId]).toContain('<b/>')
    // Body cells keep their own formats (the dates), not the header's.
    expect(/<c r="A2"[^>]*s="(\d+)"/.exec(sheet)?.[1]).not.toBe(String(styles[0]))
    expect(all.ws['!autofilter']?.ref).toBe('A1:Q7')
  })

  it('sizes columns for Chinese text, counting CJK characters as two', () => {
    expect(displayWidth('要点ab')).toBe(6)
    const cols = all.ws['!cols']!.map(c => c.wch ?? 0)
    expect(cols).toEqual(columnWidths(buildLedgerRecords(src, { kind: 'all' }, TODAY)))
    // 计划: the widest title is 16 CJK characters + 4 digits = 36, plus 2 of padding.
    expect(cols[0]).toBe(displayWidth('湖南省2023年政务管理服务工作要点') + 2)
    expect(cols[2]).toBe(6)
    expect(Math.max(...cols)).toBeLessThanOrEqual(60)
  })

  it('exports exactly the points of each filter, matching the counts the page shows', () => {
    const counts = ledgerCounts(src, UNIT, TODAY)
    const filters: [LedgerFilter, number][] = [
      [{ kind: 'all' }, 6],
      [{ kind: 'unit', unit: UNIT }, 4],
      [{ kind: 'favorites' }, 2],
      [{ kind: 'plan', id: 'hunan-2023-zwfw' }, 4],
      [{ kind: 'theme', id: 'yjs' }, 2],
      [{ kind: 'current' }, 5],
      [{ kind: 'past' }, 1],
      [{ kind: 'unit', unit: '' }, 0],
    ]
    for (const [filter, n] of filters) {
      expect(roundTrip(filter).rows.length - 1, filter.kind).toBe(n)
      expect(filterCount(ledgerCounts(src, filter.kind === 'unit' ? filter.unit : UNIT, TODAY), filter), filter.kind).toBe(n)
    }
    expect(counts.plans.get('changsha-2023-zwgk')).toBe(1)
    expect(roundTrip({ kind: 'past' }).rows[1]!.slice(0, 6)).toEqual(['湖南省2022年政务管理服务工作要点', '省级', 2022, '三、往年任务', 1, '旧年任务'])
    expect(roundTrip({ kind: 'favorites' }).rows.slice(1).map(r => r[5])).toEqual(['优化12345热线服务', '推进基层政务公开标准化'])
  })

  it('writes an empty filter as a header-only sheet that still opens', () => {
    const empty = roundTrip({ kind: 'unit', unit: '不存在的单位' })
    expect(empty.rows).toEqual([[...LEDGER_COLUMNS]])
  })
})

describe('ledger file names', () => {
  it('say what was exported and when', () => {
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'unit', unit: UNIT }, src), 'xlsx', TODAY)).toBe('工作台账-我的单位-20261201.xlsx')
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'all' }, src), 'csv', TODAY)).toBe('工作台账-全部-20261201.csv')
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'favorites' }, src), 'xlsx', TODAY)).toBe('工作台账-收藏-20261201.xlsx')
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'past' }, src), 'xlsx', new Date(2027, 0, 5))).toBe('工作台账-往年-20270105.xlsx')
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'plan', id: 'hunan-2023-zwfw' }, src), 'xlsx', TODAY)).toBe('工作台账-湖南省2023年政务管理服务工作要点-20261201.xlsx')
    expect(ledgerFileName(ledgerFilterLabel({ kind: 'theme', id: 'rx' }, src), 'xlsx', TODAY)).toBe('工作台账-12345热线与诉求-20261201.xlsx')
  })

  it('are safe on every phone and desktop', () => {
    expect(sanitizeFileNamePart('关于"数字/政府"的 要点:2026?', 'x')).toBe('关于-数字-政府-的要点-2026')
    expect(sanitizeFileNamePart('***', '计划')).toBe('计划')
    expect([...sanitizeFileNamePart('长'.repeat(50), 'x')]).toHaveLength(30)
  })

  it('a plan or theme choice needs a pick', () => {
    expect(choiceFilter('plan', { unit: '', plan: '', theme: '' })).toBeUndefined()
    expect(choiceFilter('theme', { unit: '', plan: '', theme: 'yjs' })).toEqual({ kind: 'theme', id: 'yjs' })
    expect(choiceFilter('unit', { unit: UNIT, plan: '', theme: '' })).toEqual({ kind: 'unit', unit: UNIT })
  })
})

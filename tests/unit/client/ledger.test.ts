import { describe, expect, it } from 'vitest'
import { buildLedgerCsv, csvCell } from '~/export/ledger'
import { buildLedgerRecords, chineseNumeral, LEDGER_COLUMNS } from '~/export/ledger-rows'
import { ledgerFixture, TODAY } from './ledger-fixture'

/** A small RFC 4180 reader, to check the file parses back to the cells we meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      }
      else if (c === '"') {
        quoted = false
      }
      else {
        cell += c
      }
    }
    else if (c === '"') {
      quoted = true
    }
    else if (c === ',') {
      row.push(cell)
      cell = ''
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    }
    else {
      cell += c
    }
  }
  return rows
}

const HEADER = ['计划', '层级', '年度', '部分', '序号', '要点', '牵头单位', '配合单位', '时限', '目标', '主题', '最新状态', '进度', '打卡人', '打卡时间', '说明', '佐证数']

describe('buildLedgerCsv', () => {
  const src = ledgerFixture()
  const records = buildLedgerRecords(src, { kind: 'plan', id: 'hunan-2023-zwfw' }, TODAY)
  const csv = buildLedgerCsv(records)

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xFEFF)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Only the quoted note holds a bare LF; every record break is CRLF.
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false)
    expect(csv.split('\r\n')).toHaveLength(records.length + 2)
  })

  it('has the Chinese header in the issue\'s order and one row per point', () => {
    const parsed = parseCsv(csv.slice(1))
    expect(LEDGER_COLUMNS).toEqual(HEADER)
    expect(parsed[0]).toEqual(HEADER)
    expect(parsed).toHaveLength(5)
    expect(parsed[1]).toEqual([
      '湖南省2023年政务管理服务工作要点',
      '省级',
      '2023',
      '一、提升政务服务效能',
      '1',
      '深化一件事一次办改革',
      '省政务局',
      '',
      '6月份前（2023-06-30）；年底前（2023-12-31）',
      '',
      '一件事一次办',
      '推进中',
      '60%',
      '张三',
      '2026-11-21 09:05',
      '已完成"摸底", 待验收\n下周上报：市州全覆盖',
      '3',
    ])
    // No check-in: 未打卡 and the check-in columns empty.
    expect(parsed[2]!.slice(6, 17)).toEqual(['省政务服务和大数据中心', '省直相关单位', '', '', '12345热线与诉求', '未打卡', '', '', '', '', ''])
    // One deadline is written as its date; 佐证数 0 for a check-in without photos.
    expect(parsed[3]!.slice(3, 17)).toEqual(['二、推进数据共享', '3', '完善数据共享机制', '省政务局', '', '2023-06-30', '', '一件事一次办、政务公开', '已完成', '100%', '张三', '2026-11-30 17:45', '\'=HYPERLINK("x")', '0'])
  })

  it('quotes commas, quotes and newlines and defuses formulas', () => {
    expect(csv).toContain('"已完成""摸底"", 待验收\n下周上报：市州全覆盖"')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell('-1')).toBe('\'-1')
    expect(csvCell(-1)).toBe('-1')
  })

  it('writes an empty ledger as just the header', () => {
    expect(buildLedgerCsv([])).toBe(`\uFEFF${HEADER.join(',')}\r\n`)
  })
})

describe('chineseNumeral', () => {
  it('writes section numbers as the documents do', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三', '九十九'])
  })
})

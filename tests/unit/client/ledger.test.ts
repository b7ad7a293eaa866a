import type { CheckinRow } from '~/db/checkins'
import type { LedgerRow } from '~/export/ledger'
import { describe, expect, it } from 'vitest'
import { toPointRows } from '~/db/points'
import { buildLedgerCsv, chineseNumeral, csvCell } from '~/export/ledger'
import { samplePlanData } from '../db/fixtures'

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

const hunan = samplePlanData().plans[1]!
const points = toPointRows(hunan)
function checkin(over: Partial<CheckinRow>): CheckinRow {
  return {
    id: '01900000-0000-7000-8000-000000000000',
    pointId: points[0]!.id,
    status: 'in_progress',
    progress: 60,
    note: '',
    createdAt: new Date(2026, 10, 21, 9, 5).toISOString(),
    deviceId: 'd',
    owner: '本机',
    syncState: 'pending',
    ...over,
  }
}

describe('buildLedgerCsv', () => {
  const rows: LedgerRow[] = [
    { point: points[0]!, latest: checkin({ note: '已完成"摸底", 待验收\n下周上报' }) },
    { point: points[1]! },
    { point: points[2]!, latest: checkin({ status: 'blocked', progress: 10, note: '=HYPERLINK("x")' }) },
  ]
  const csv = buildLedgerCsv(rows)

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xFEFF)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Only the quoted note holds a bare LF; every record break is CRLF.
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false)
    expect(csv.split('\r\n')).toHaveLength(rows.length + 2)
  })

  it('has the Chinese header and one row per point', () => {
    const parsed = parseCsv(csv.slice(1))
    expect(parsed[0]).toEqual(['计划', '章节', '序号', '要点', '牵头单位', '配合单位', '时限', '状态', '进度', '备注', '打卡时间'])
    expect(parsed[1]).toEqual([
      '湖南省2023年政务管理服务工作要点',
      '一、提升政务服务效能',
      '1',
      '深化一件事一次办改革',
      '省政务局',
      '',
      '6月份前（2023-06-30）；年底前（2023-12-31）',
      '推进中',
      '60%',
      '已完成"摸底", 待验收\n下周上报',
      '2026-11-21 09:05',
    ])
    expect(parsed[2]!.slice(4, 11)).toEqual(['省政务服务和大数据中心', '省直相关单位', '', '未打卡', '', '', ''])
    expect(parsed[3]!.slice(1, 2)).toEqual(['二、推进数据共享'])
  })

  it('quotes commas, quotes and newlines and defuses formulas', () => {
    expect(csv).toContain('"已完成""摸底"", 待验收\n下周上报"')
    expect(parseCsv(csv.slice(1))[3]![9]).toBe('\'=HYPERLINK("x")')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(' padded')).toBe('" padded"')
    expect(csvCell('-1')).toBe('\'-1')
    expect(csvCell(-1)).toBe('-1')
  })

  it('writes an empty ledger as just the header', () => {
    expect(buildLedgerCsv([])).toBe('\uFEFF计划,章节,序号,要点,牵头单位,配合单位,时限,状态,进度,备注,打卡时间\r\n')
  })
})

describe('chineseNumeral', () => {
  it('writes section numbers as the documents do', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三', '九十九'])
  })
})

import type { LedgerRow } from './ledger'
import { db } from '~/db/db'
import { comparePointsByPlan } from '~/db/points'
import { getLatestCheckins } from '~/db/queries'
import { buildLedgerCsv } from './ledger'

/** Every stored point in reading order with its newest check-in. */
export async function loadLedgerRows(): Promise<LedgerRow[]> {
  return db.transaction('r', [db.points, db.checkins, db.meta], async () => {
    const [points, latest] = await Promise.all([db.points.toArray(), getLatestCheckins()])
    return points.sort(comparePointsByPlan).map(point => ({ point, latest: latest.get(point.id) }))
  })
}

/** File name for a ledger exported on `date`, e.g. 工作台账-20261121.csv. */
export function ledgerFileName(date: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `工作台账-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}.csv`
}

/** Builds the 工作台账 CSV from IndexedDB and offers it as a download; returns how many points it holds. */
export async function exportLedgerCsv(): Promise<number> {
  const rows = await loadLedgerRows()
  const blob = new Blob([buildLedgerCsv(rows)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = ledgerFileName()
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return rows.length
}

import type { LedgerFormat } from './ledger-file-name'
import type { LedgerFilter, LedgerSource } from './ledger-rows'
import { db } from '~/db/db'
import { comparePlans } from '~/db/plans'
import { comparePointsByPlan } from '~/db/points'
import { getFavoriteIds, getLatestCheckins } from '~/db/queries'
import { buildLedgerCsv } from './ledger'
import { ledgerFileName, ledgerFilterLabel } from './ledger-file-name'
import { buildLedgerRecords } from './ledger-rows'
import { buildLedgerXlsx, XLSX_MIME } from './ledger-xlsx'

/**
 * How many 佐证 photos each check-in has: the ones taken on this phone (counted on the photos index, so no image
 * is read) or, for check-ins pulled from the server, the hashes they name; the larger, as both describe one set.
 */
async function photoCounts(latest: Iterable<{ id: string, photos?: string[] }>): Promise<Map<string, number>> {
  const checkins = [...latest]
  const counts = new Map<string, number>()
  const keys = await db.photos.where('checkinId').anyOf(checkins.map(c => c.id)).keys()
  for (const k of keys)
    counts.set(String(k), (counts.get(String(k)) ?? 0) + 1)
  for (const c of checkins) {
    if (c.photos?.length && c.photos.length > (counts.get(c.id) ?? 0))
      counts.set(c.id, c.photos.length)
  }
  return counts
}

/** Everything the 工作台账 reads, in one read transaction: points in reading order, the owner's latest check-ins … */
export async function loadLedgerSource(): Promise<LedgerSource> {
  return db.transaction('r', [db.points, db.checkins, db.meta, db.plans, db.themes, db.favoritesByOwner, db.photos], async () => {
    const [points, latest, plans, themes, favorites] = await Promise.all([
      db.points.toArray(),
      getLatestCheckins(),
      db.plans.toArray().then(p => p.sort(comparePlans)),
      db.themes.toArray().then(t => t.sort((a, b) => a.order - b.order)),
      getFavoriteIds(),
    ])
    return { points: points.sort(comparePointsByPlan), latest, plans, themes, favorites, photoCounts: await photoCounts(latest.values()) }
  })
}

/** The file for a filter and format, with its name and row count; the XLSX library is loaded only here. */
export async function buildLedgerFile(src: LedgerSource, filter: LedgerFilter, format: LedgerFormat, today: Date = new Date()): Promise<{ blob: Blob, name: string, rows: number }> {
  const records = buildLedgerRecords(src, filter, today)
  const name = ledgerFileName(ledgerFilterLabel(filter, src), format, today)
  if (format === 'csv')
    return { blob: new Blob([buildLedgerCsv(records)], { type: 'text/csv;charset=utf-8' }), name, rows: records.length }
  const X = await import('@e965/xlsx')
  return { blob: new Blob([buildLedgerXlsx(X, records) as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), name, rows: records.length }
}

/** Offers a file as a download. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

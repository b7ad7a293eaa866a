import type { Transaction } from 'dexie'
import type { PointRow } from './points'
import { linkTargets } from '~/domain/reverse-relations'

/** The v7 upgrade: every stored point gets the `linksTo` its relations give (the next plan data load writes it too). */
export async function addLinkTargets(tx: Transaction): Promise<void> {
  await tx.table<PointRow, string>('points').toCollection().modify((row) => {
    row.linksTo = linkTargets(row)
  })
}

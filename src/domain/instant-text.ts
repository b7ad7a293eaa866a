/**
 * Instants (ISO 8601 date-times with an offset) as the client and the server both hold them: milliseconds in
 * UTC, written `YYYY-MM-DDTHH:mm:ss.sssZ`. Finer fractions are cut to the millisecond (never rounded up into the
 * next second), so a replayed check-in compares equal to what was stored. Years outside 0001–9999 (UTC) and
 * offsets beyond ±15:59, which PostgreSQL's timestamptz refuses, are refused here.
 */

/** Longer text is no instant (and is refused before the pattern runs). */
export const INSTANT_MAX_LENGTH = 40

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/i
const MAX_OFFSET_MINUTES = 15 * 60 + 59

/** Epoch milliseconds of an ISO date-time, or undefined when it is not one PostgreSQL could store. */
export function parseInstant(text: string): number | undefined {
  const m = ISO.exec(text)
  if (!m)
    return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3))
  const offset = m[8]!.toUpperCase() === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0))
  if (Number(m[11] ?? 0) > 59)
    return undefined // +05:99 is no offset
  if (Math.abs(offset) > MAX_OFFSET_MINUTES || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59)
    return undefined
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day)
  if (date.getUTCDate() !== day)
    return undefined // 2月30日 and the like
  date.setUTCHours(hour, minute, second, ms)
  const epoch = date.getTime() - offset * 60_000
  const utcYear = new Date(epoch).getUTCFullYear()
  return utcYear >= 1 && utcYear <= 9999 ? epoch : undefined
}

/** The canonical text of an instant: UTC, milliseconds, `Z`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString()
}

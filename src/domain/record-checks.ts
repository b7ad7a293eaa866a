import type { Checkin, Favorite } from './progress'
import { formatInstant, INSTANT_MAX_LENGTH, parseInstant } from './instant-text'
import { CHECKIN_STATUSES, DEVICE_ID_MAX_LENGTH, NOTE_MAX_LENGTH, POINT_ID_MAX_LENGTH, PROGRESS_MAX, UUID_PATTERN } from './progress-rules'
import { isStorableText } from './storable-text'

/**
 * The rules of CheckinSchema and FavoriteSchema (progress.ts) for a record this device makes, without zod: the
 * 打卡 sheet and the favorite star run on the client, whose bundles carry no zod. A unit test holds these checks
 * equal to the schemas (same verdict, same first field, same canonical value), so the two cannot drift.
 */

/** The first field a record breaks (in the schema's field order), and whether it broke it with unstorable text. */
export interface RecordProblem {
  field: string
  unstorable: boolean
}

export type RecordCheck<T> = { ok: true, value: T } | ({ ok: false } & RecordProblem)

type Rule = (value: unknown) => { value: unknown } | { unstorable: boolean }

function text(min: number, max: number): Rule {
  return value => typeof value !== 'string' || value.length < min || value.length > max
    ? { unstorable: false }
    : isStorableText(value) ? { value } : { unstorable: true }
}

const uuid: Rule = value => typeof value === 'string' && UUID_PATTERN.test(value) ? { value } : { unstorable: false }

const instant: Rule = (value) => {
  const epoch = typeof value === 'string' && value.length <= INSTANT_MAX_LENGTH ? parseInstant(value) : undefined
  return epoch === undefined ? { unstorable: false } : { value: formatInstant(epoch) }
}

const status: Rule = value => (CHECKIN_STATUSES as readonly unknown[]).includes(value) ? { value } : { unstorable: false }
const progress: Rule = value => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= PROGRESS_MAX ? { value } : { unstorable: false }
const boolean: Rule = value => typeof value === 'boolean' ? { value } : { unstorable: false }

function check<T>(rules: { [K in keyof T]-?: Rule }, input: unknown): RecordCheck<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, field: '', unstorable: false }
  const out: Record<string, unknown> = {}
  for (const [field, rule] of Object.entries(rules) as Array<[string, Rule]>) {
    const result = rule((input as Record<string, unknown>)[field])
    if (!('value' in result))
      return { ok: false, field, ...result }
    out[field] = result.value
  }
  return { ok: true, value: out as T }
}

const pointId = text(1, POINT_ID_MAX_LENGTH)
const deviceId = text(1, DEVICE_ID_MAX_LENGTH)

/** A new check-in as CheckinSchema would take it (instants made canonical), or the first field it breaks. */
export function checkCheckin(input: unknown): RecordCheck<Checkin> {
  return check<Checkin>({ id: uuid, pointId, status, progress, note: text(0, NOTE_MAX_LENGTH), createdAt: instant, deviceId }, input)
}

/** A favorite change as FavoriteSchema would take it, or the first field it breaks. */
export function checkFavorite(input: unknown): RecordCheck<Favorite> {
  return check<Favorite>({ pointId, on: boolean, updatedAt: instant, deviceId }, input)
}

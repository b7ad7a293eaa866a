import type { z } from 'zod'
import type { RecordCheck } from '~/domain/record-checks'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CheckinSchema, FavoriteSchema } from '~/domain/progress'
import { CHECKIN_STATUSES, NOTE_MAX_LENGTH } from '~/domain/progress-rules'
import { checkCheckin, checkFavorite } from '~/domain/record-checks'
import { UNSTORABLE_TEXT_PARAM } from '~/domain/storable-text'

// The client checks the check-ins and favorites it makes without zod; these properties hold the checks equal to
// the schemas the server validates with: the same verdict, the same canonical value, the same first field.

const unstorable = fc.constantFrom('\0', 'a\uD800', '\uDC00b', '备注\0')
function text(maxLength: number) {
  return fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constant(''),
    unstorable,
    fc.integer({ min: maxLength - 2, max: maxLength + 2 }).map(n => '长'.repeat(Math.max(0, n))),
    fc.integer({ min: maxLength - 2, max: maxLength + 2 }).map(n => `${'长'.repeat(Math.max(0, n - 1))}\0`),
    fc.integer(),
  )
}
const instant = fc.oneof(
  fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString()),
  fc.constantFrom('2024-05-01T10:00:00+08:00', '2024-05-01T10:00:00.123456Z', '2024-02-30T00:00:00Z', '2024-05-01', '2024-05-01T10:00:00+16:00', '0000-01-01T00:00:00Z'),
  fc.string({ maxLength: 45 }),
  fc.constant(`2024-05-01T10:00:00.${'1'.repeat(30)}Z`),
)
const deviceId = text(100)
const pointId = text(200)
/** A record of the given fields, each maybe missing. */
const record = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] })

const checkinInput = record({
  id: fc.oneof(fc.uuid({ version: 7 }), fc.uuid().map(u => u.toUpperCase()), fc.string({ maxLength: 40 })),
  pointId,
  status: fc.oneof(fc.constantFrom(...CHECKIN_STATUSES), fc.string({ maxLength: 8 })),
  progress: fc.oneof(fc.integer({ min: -3, max: 103 }), fc.double(), fc.constant('50')),
  note: text(NOTE_MAX_LENGTH),
  createdAt: instant,
  deviceId,
})
const favoriteInput = record({ pointId, on: fc.oneof(fc.boolean(), fc.constant(1)), updatedAt: instant, deviceId })

function sameVerdict<T>(check: RecordCheck<T>, parsed: z.ZodSafeParseResult<T>): void {
  expect(check.ok).toBe(parsed.success)
  if (check.ok && parsed.success) {
    expect(check.value).toEqual(parsed.data)
    return
  }
  const issue = parsed.error!.issues[0]!
  const problem = check as Extract<RecordCheck<T>, { ok: false }>
  expect(problem.field).toBe(issue.path[0])
  expect(problem.unstorable).toBe(issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.[UNSTORABLE_TEXT_PARAM] === true)
}

describe('record checks', () => {
  it('judge a check-in as CheckinSchema does', () => {
    fc.assert(fc.property(checkinInput, input => sameVerdict(checkCheckin(input), CheckinSchema.safeParse(input))), { numRuns: 3000 })
  })

  it('judge a favorite as FavoriteSchema does', () => {
    fc.assert(fc.property(favoriteInput, input => sameVerdict(checkFavorite(input), FavoriteSchema.safeParse(input))), { numRuns: 2000 })
  })

  it('take a valid check-in with its instant made canonical, and refuse what is no record', () => {
    const input = { id: '0190a6f0-0000-7000-8000-000000000001', pointId: 'p-1', status: 'done', progress: 100, note: '', createdAt: '2024-05-01T10:00:00+08:00', deviceId: 'd' }
    expect(checkCheckin(input)).toEqual({ ok: true, value: { ...input, createdAt: '2024-05-01T02:00:00.000Z' } })
    expect(checkCheckin({ ...input, note: 'a\uD800' })).toEqual({ ok: false, field: 'note', unstorable: true })
    expect(checkCheckin(null).ok).toBe(false)
    expect(checkFavorite([]).ok).toBe(false)
  })
})

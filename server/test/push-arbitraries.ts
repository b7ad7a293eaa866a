import fc from 'fast-check'
import { POINT } from './fixtures'

/** Text PostgreSQL cannot store: NUL and lone surrogates, alone or inside other text. */
export const unstorableText = fc.tuple(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\u0000\u0000', '\uDE00\uD83D'),
  fc.string({ maxLength: 8 }),
).map(parts => parts.join(''))

/** Strings of every kind: ordinary, Chinese, emoji (paired surrogates), empty, very long, unstorable. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '推进中', '😀🇨🇳', 'x'.repeat(2001), '\uFEFF', '\u200B'),
  unstorableText,
)

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** Date-times good and odd: year 0000 and 10000, offsets ±16:00 and -23:59, 7-digit fractions, 2月30日, 24:00. */
export const anyTimestamp = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString()),
  fc.record({
    year: fc.integer({ min: 0, max: 10_000 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }),
    offset: fc.oneof(
      fc.constant('Z'),
      fc.constantFrom('+16:00', '-16:00', '-23:59', '+15:59', '-15:59', '+00:00', '+08:00', '+0530', '+05', '+05:99', 'z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 99 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  }).map(t => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction === undefined ? '' : `.${t.fraction}`}${t.offset}`),
  fc.constantFrom('0000-01-01T00:00:00Z', '0000-12-31T23:59:59-23:59', '9999-12-31T23:59:59-01:00', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00.9999999Z', '2026-01-01', 'yesterday', ''),
  unstorableText,
)

/** Numbers in and far out of range. */
export const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 101, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 0.5, -0),
)

const uuid = fc.uuid()
const goodText = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('推进中', '😀🇨🇳', ''))
const goodInstant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map(d => d.toISOString())

const goodCheckin = fc.record({
  id: uuid,
  kind: fc.constant('checkin.create'),
  checkin: fc.record({
    id: uuid,
    pointId: fc.constantFrom(POINT, 'test-plan-2', 'test-plan-5', 'no-such-point'),
    status: fc.constantFrom('not_started', 'in_progress', 'done', 'blocked'),
    progress: fc.integer({ min: 0, max: 100 }),
    note: goodText,
    createdAt: goodInstant,
    deviceId: fc.constantFrom('device-a', '设备'),
  }),
})

const goodFavorite = fc.record({
  id: uuid,
  kind: fc.constant('favorite.set'),
  favorite: fc.record({
    pointId: fc.constantFrom(POINT, 'test-plan-2', 'no-such-point'),
    on: fc.boolean(),
    updatedAt: goodInstant,
    deviceId: fc.constantFrom('device-a', '设备'),
  }),
})

/** What may replace a field: text of any kind for every field, and odd timestamps and numbers where they fit. */
const badValue = fc.oneof(anyText, unstorableText, anyTimestamp, anyNumber, fc.anything({ maxDepth: 1 }))

const FIELDS = {
  'checkin.create': ['kind', 'checkin', 'checkin.id', 'checkin.pointId', 'checkin.status', 'checkin.progress', 'checkin.note', 'checkin.createdAt', 'checkin.deviceId', 'checkin.extra'],
  'favorite.set': ['kind', 'favorite', 'favorite.pointId', 'favorite.on', 'favorite.updatedAt', 'favorite.deviceId', 'favorite.extra'],
}

const TEXT_FIELDS = { 'checkin.create': [3, 6, 8], 'favorite.set': [2, 5] }

/**
 * A valid mutation as is, or with unstorable text in one of its text fields, or with up to two fields replaced
 * by any of the values above.
 */
export const fuzzMutation = fc.tuple(
  fc.oneof(goodCheckin, goodFavorite),
  fc.oneof(
    { weight: 2, arbitrary: fc.constant<[number, unknown][]>([]) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), unstorableText).map(([pick, text]) => [[-1 - pick, text]] as [number, unknown][]) },
    { weight: 2, arbitrary: fc.array(fc.tuple(fc.nat(), badValue), { minLength: 1, maxLength: 2 }) },
  ),
).map(([base, changes]) => {
  const copy = structuredClone(base) as Record<string, any>
  const fields = FIELDS[base.kind]
  for (const [pick, value] of changes) {
    // A negative pick chooses among the text fields only.
    const text = TEXT_FIELDS[base.kind]
    const field = pick < 0 ? fields[text[(-1 - pick) % text.length]!]! : fields[pick % fields.length]!
    const path = field.split('.')
    const target = path.length === 2 ? copy[path[0]!] : copy
    if (target && typeof target === 'object')
      target[path.at(-1)!] = value
  }
  return copy
})

/** A push body: mostly well-formed envelopes of fuzzed mutations, sometimes something else entirely. */
export const fuzzPushBody = fc.oneof(
  { weight: 8, arbitrary: fc.array(fuzzMutation, { maxLength: 4 }).map(mutations => ({ mutations })) },
  { weight: 1, arbitrary: fc.record({ 'mutations': fc.array(fc.oneof(fc.anything(), fuzzMutation), { maxLength: 3 }), 'extra\u0000key': anyText }) },
  { weight: 1, arbitrary: fc.record({ mutations: fc.array(fc.record({ id: fc.oneof(uuid, anyText) }), { maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.anything() },
)

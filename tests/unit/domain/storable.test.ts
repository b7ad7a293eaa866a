import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInstant, InstantSchema, parseInstant } from '~/domain/instant'
import { CheckinSchema } from '~/domain/progress'
import { countUnstorable, isStorableText, onlyUnstorableText, withoutUnstorable } from '~/domain/storable-text'

describe('storable text', () => {
  it('refuses NUL and lone surrogates, keeps paired surrogates (emoji) and everything else', () => {
    expect(isStorableText('推进中 ✓ 😀 \t\n')).toBe(true)
    expect(isStorableText('a\u0000b')).toBe(false)
    expect(isStorableText('\uD800')).toBe(false)
    expect(isStorableText('x\uDC00')).toBe(false)
    expect(isStorableText('\uDC00\uD800')).toBe(false) // reversed pair: two lone halves
    expect(countUnstorable('a\u0000b\uD800c\u0000')).toBe(3)
    expect(withoutUnstorable('a\u0000b\uD800c😀')).toBe('abc😀')
  })

  it('leaves text that survives a UTF-8 round trip unchanged, and cleans any other text into such text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const utf8 = new TextDecoder().decode(new TextEncoder().encode(text))
      const clean = withoutUnstorable(text)
      expect(isStorableText(clean)).toBe(true)
      expect(new TextDecoder().decode(new TextEncoder().encode(clean))).toBe(clean)
      expect(isStorableText(text)).toBe(utf8 === text && !text.includes('\u0000'))
    }))
  })

  it('marks the schema issue so the server can refuse one mutation instead of the request', () => {
    const base = { id: '01937f00-0000-7000-8000-000000000001', pointId: 'p', status: 'done', progress: 100, note: '', createdAt: '2026-11-20T08:00:00.000Z', deviceId: 'd' }
    const nul = CheckinSchema.safeParse({ ...base, note: '含\u0000' })
    expect(nul.success).toBe(false)
    expect(onlyUnstorableText(nul.error!)).toBe(true)
    const both = CheckinSchema.safeParse({ ...base, note: '含\u0000', progress: 101 })
    expect(onlyUnstorableText(both.error!)).toBe(false)
  })
})

describe('instants', () => {
  it('normalises to UTC milliseconds, cutting finer fractions (never rounding into the next second)', () => {
    expect(InstantSchema.parse('2026-01-01T00:00:00.9999999Z')).toBe('2026-01-01T00:00:00.999Z')
    expect(InstantSchema.parse('2026-01-01T08:00:00+08:00')).toBe('2026-01-01T00:00:00.000Z')
    expect(InstantSchema.parse('2026-01-01T08:00:00+0800')).toBe('2026-01-01T00:00:00.000Z')
    expect(InstantSchema.parse('2026-06-30T23:59:59-15:59')).toBe('2026-07-01T15:58:59.000Z')
    expect(InstantSchema.parse('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z')
  })

  it('refuses what PostgreSQL\'s timestamptz cannot hold or what is no date', () => {
    for (const bad of ['0000-01-01T00:00:00Z', '2026-01-01T00:00:00-23:59', '2026-01-01T00:00:00+16:00', '0001-01-01T00:00:00+01:00', '10000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00', '2026-01-01', '', 'now'])
      expect(InstantSchema.safeParse(bad).success, bad).toBe(false)
  })

  it('round-trips every instant in range', () => {
    fc.assert(fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
      expect(parseInstant(formatInstant(date.getTime()))).toBe(date.getTime())
    }))
  })
})

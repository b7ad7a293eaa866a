import { describe, expect, it } from 'vitest'
import { chooseCoding } from './accept-encoding'

describe('chooseCoding', () => {
  const both = ['br', 'gzip'] as const
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['x-gzip', 'gzip'],
    ['BR;Q=1.0, gzip', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['identity;q=1, gzip;q=0.5', 'identity'],
    ['identity;q=0.5, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.3, gzip;q=0.2', 'br'],
    ['*;q=0, identity', 'identity'],
    ['br;q=2, gzip', 'gzip'],
    ['br;q=abc, gzip;q=0.1', 'gzip'],
    ['deflate, zstd', 'identity'],
  ] as const)('%j → %s', (header, expected) => {
    expect(chooseCoding(header, both)).toBe(expected)
  })

  it('only picks codings that have a copy', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip')
    expect(chooseCoding('br', ['gzip'])).toBe('identity')
    expect(chooseCoding('br, gzip', [])).toBe('identity')
  })
})

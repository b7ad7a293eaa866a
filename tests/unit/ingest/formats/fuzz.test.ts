import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { expectBlockDocument, fixture, FIXTURES, read } from './helpers'

/**
 * Whatever the bytes, readDocumentBlocks returns a BlockDocument and never throws; an unreadable file ends as
 * exactly one error with a Chinese line. Random bytes under every name, and every fixture cut short or bit-flipped.
 */

const NAMES = ['a.txt', 'a.docx', 'a.pdf', 'a.xlsx', 'a.xls', 'a.csv', 'a.html', 'a.doc', 'a']
const FILES = readdirSync(FIXTURES).filter(name => !name.startsWith('.')).sort()

/** A mutation of a file: cut at a point, some bits flipped, a block zeroed. */
const mutation: fc.Arbitrary<Mutation> = fc.record({
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 7 })), { maxLength: 12 }),
  zero: fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 512 })), { nil: undefined }),
})

interface Mutation { cut: number | undefined, flips: [number, number][], zero: [number, number] | undefined }

function mutate(original: Uint8Array, m: Mutation): Uint8Array {
  const bytes = original.slice(0, m.cut === undefined ? original.length : Math.floor(original.length * m.cut))
  for (const [at, bit] of m.flips) {
    const i = Math.floor(at * bytes.length)
    if (i < bytes.length)
      bytes[i]! ^= 1 << bit
  }
  if (m.zero) {
    const start = Math.floor(m.zero[0] * bytes.length)
    bytes.fill(0, start, start + m.zero[1])
  }
  return bytes
}

describe('fuzz: never throws, always a BlockDocument', () => {
  it('takes random bytes under any name', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), async (bytes, name) => {
      expectBlockDocument(await read(name, bytes), name)
    }), { numRuns: 150 })
  })

  it('takes bytes that start like each container (zip, PDF, OLE, HTML) and then go wrong', async () => {
    const heads = ['PK\x03\x04', '%PDF-1.7\n', '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1', '<!DOCTYPE html><html><body><p>', '序号,工作任务,牵头单位\n']
    await fc.assert(fc.asyncProperty(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 2048 }), async (head, tail) => {
      const bytes = new Uint8Array([...head].map(c => c.charCodeAt(0)).concat([...tail]))
      expectBlockDocument(await read('x.bin', bytes), 'x.bin')
    }), { numRuns: 120 })
  })

  it.each(FILES)('takes %s cut short and bit-flipped', async (name) => {
    const original = fixture(name)
    const runs = name.endsWith('.pdf') ? 15 : 30
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      expectBlockDocument(await read(name, mutate(original, m)), name)
    }), { numRuns: runs })
  }, 60_000)
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PlanDataSchema } from '../../../src/domain/plan'
import { ingest } from '../../../src/ingest/pipeline'
import { seedFiles } from './seed-helpers'

// Random damage to real documents: the pipeline must never throw and must always return valid plan data.
const seeds = seedFiles()

type Edit = { kind: 'delete' | 'duplicate' | 'move', at: number, length: number, to: number } | { kind: 'insert', at: number, text: string } | { kind: 'bytes', at: number, bytes: number[] }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'move' as const), at: fc.nat(), length: fc.nat({ max: 400 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom('（一）', '一、', '1.', '（', '）', '《', '》', '关于印发《某市2024年工作要点》的通知', '湖南省2023年政务公开工作要点', '附件：', '\n', '牵头，', '年底前')) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }) }),
)

function apply(bytes: Uint8Array, edits: Edit[]): Uint8Array {
  let out = bytes
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length
    if (e.kind === 'insert' || e.kind === 'bytes') {
      const add = e.kind === 'insert' ? new TextEncoder().encode(e.text) : new Uint8Array(e.bytes)
      out = new Uint8Array([...out.subarray(0, at), ...add, ...out.subarray(at)])
    }
    else {
      const chunk = out.subarray(at, at + e.length)
      const rest = new Uint8Array([...out.subarray(0, at), ...out.subarray(at + e.length)])
      if (e.kind === 'delete') {
        out = rest
      }
      else {
        const base = e.kind === 'duplicate' ? out : rest
        const to = base.length === 0 ? 0 : e.to % base.length
        out = new Uint8Array([...base.subarray(0, to), ...chunk, ...base.subarray(to)])
      }
    }
  }
  return out
}

describe('ingest under random mutation of the seeds', () => {
  // Each run also writes the plans' word pinyin (the dictionary reads every word), so 60 whole seeds take a while.
  it('never throws and always returns valid plan data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (which, edits) => {
        const seed = seeds[which]!
        const result = await ingest([{ name: seed.name, bytes: apply(seed.bytes, edits) }])
        expect(() => PlanDataSchema.parse(result.data)).not.toThrow()
        for (const d of result.diagnostics)
          expect(d.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 60, seed: 20231121 },
    )
  }, 120_000)

  it('survives arbitrary strings and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 3000 }).map(s => new TextEncoder().encode(s)), fc.uint8Array({ maxLength: 3000 })), async (bytes) => {
        const result = await ingest([{ name: 'random.txt', bytes }])
        expect(() => PlanDataSchema.parse(result.data)).not.toThrow()
      }),
      { numRuns: 150, seed: 7 },
    )
  })
})

describe('bad input', () => {
  const one = (name: string, bytes: Uint8Array) => ingest([{ name, bytes }])

  it.each([
    ['empty', new Uint8Array(), 'empty'],
    ['binary', new Uint8Array(2048).map((_, i) => (i * 31) % 256), 'binary'],
    ['no numbered points', new TextEncoder().encode('这是一份通知。\n请各单位认真贯彻落实。\n'), 'no-plans'],
  ])('gives one clear error for %s input and no plans', async (_name, bytes, code) => {
    const { data, diagnostics } = await one('bad.txt', bytes)
    expect(data.plans).toEqual([])
    const errors = diagnostics.filter(d => d.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ code, source: 'bad.txt' })
  })

  it('still reads the good documents when one is bad', async () => {
    const { data, diagnostics } = await ingest([seeds[4]!, { name: 'empty.txt', bytes: new Uint8Array() }])
    expect(data.plans.map(p => p.id)).toEqual(['changsha-2023-zwgk'])
    expect(diagnostics.some(d => d.source === 'empty.txt' && d.level === 'error')).toBe(true)
  })

  it('reports a heading with no numbered points', async () => {
    const { diagnostics } = await one('heading.txt', new TextEncoder().encode('某市2024年政务公开工作要点\n今年要做好公开工作。'))
    expect(diagnostics.map(d => d.code)).toContain('no-points')
  })
})

import type { PlanData, WorkPoint } from '../../../src/domain/plan'
import type { IngestResult, SourceFile } from '../../../src/ingest/pipeline'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ingest } from '../../../src/ingest/pipeline'

export const seedsDir = fileURLToPath(new URL('../../../seeds', import.meta.url))

/** The five seed documents as the pipeline receives them. */
export function seedFiles(): SourceFile[] {
  return readdirSync(seedsDir).filter(n => n.endsWith('.txt')).sort().map(name => ({ name, bytes: new Uint8Array(readFileSync(`${seedsDir}/${name}`)) }))
}

export function seedText(prefix: string): string {
  const name = readdirSync(seedsDir).find(n => n.startsWith(prefix))!
  return readFileSync(`${seedsDir}/${name}`, 'utf8')
}

let cached: Promise<IngestResult> | undefined
/** The pipeline's result on all seeds, computed once per test file. */
export function ingestSeeds(): Promise<IngestResult> {
  cached ??= ingest(seedFiles())
  return cached
}

export function textFile(name: string, text: string): SourceFile {
  return { name, bytes: new TextEncoder().encode(text) }
}

export function allPoints(data: PlanData): WorkPoint[] {
  return data.plans.flatMap(p => p.sections.flatMap(s => s.points))
}

export function pointById(data: PlanData, id: string): WorkPoint {
  const point = allPoints(data).find(p => p.id === id)
  if (!point)
    throw new Error(`no point ${id}`)
  return point
}

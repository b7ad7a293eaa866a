import type { PlanData } from '../src/domain/plan'
import type { Diagnostic } from '../src/ingest/diagnostics'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingest } from '../src/ingest/pipeline'

/** Reads every seed document in `dir` and runs the ingest pipeline on them together. */
export function buildPlanDataFromDir(dir: string): { data: PlanData, diagnostics: Diagnostic[] } {
  const files = readdirSync(dir)
    .filter(name => name.endsWith('.txt'))
    .sort()
    .map(name => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
  return ingest(files)
}

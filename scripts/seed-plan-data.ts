import type { PlanData } from '../src/domain/plan'
import type { Diagnostic } from '../src/ingest/diagnostics'
import { ingest } from '../src/ingest/pipeline'
import { seedFilesFrom } from './seed-files'

/** Reads every seed document in `dir` and runs the ingest pipeline on them together. */
export function buildPlanDataFromDir(dir: string): Promise<{ data: PlanData, diagnostics: Diagnostic[] }> {
  return ingest(seedFilesFrom(dir))
}

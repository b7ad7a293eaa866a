import type { SourceFile } from '../src/ingest/pipeline'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The .txt documents of a folder, sorted by name, as the pipeline reads them. */
export function seedFilesFrom(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter(name => name.endsWith('.txt'))
    .sort()
    .map(name => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
}

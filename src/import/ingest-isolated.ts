import type { ImportResult, UnreadableFile } from './import-protocol'
import type { IngestOptions, IngestResult, SourceFile } from '~/ingest/pipeline'

type Ingest = (files: SourceFile[], options: IngestOptions) => Promise<IngestResult>

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Runs ingest over all files together (the same plan in several documents merges). Should it throw — a format
 * reader choking on a damaged file — each file is tried alone, the ones that fail are named, and the rest are
 * read together again: one bad file never hides the others' preview.
 */
export async function ingestIsolated(files: SourceFile[], ingest: Ingest, onProgress?: IngestOptions['onProgress']): Promise<ImportResult> {
  try {
    return { ...(await ingest(files, { origin: 'local', onProgress })), unreadable: [] }
  }
  catch (error) {
    if (files.length === 1)
      return { data: { version: '', plans: [], themes: [] }, diagnostics: [], unreadable: [{ name: files[0]!.name, message: errorText(error) }] }
  }
  const readable: SourceFile[] = []
  const unreadable: UnreadableFile[] = []
  for (const file of files) {
    try {
      await ingest([file], { origin: 'local' })
      readable.push(file)
    }
    catch (error) {
      unreadable.push({ name: file.name, message: errorText(error) })
    }
  }
  if (readable.length === 0)
    return { data: { version: '', plans: [], themes: [] }, diagnostics: [], unreadable }
  return { ...(await ingest(readable, { origin: 'local', onProgress })), unreadable }
}

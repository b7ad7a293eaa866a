/**
 * Parses documents off the main thread: the format readers (and the libraries they load on demand) and the layout
 * parser can take seconds on a long PDF, and the page keeps drawing its progress bar meanwhile. This file and every
 * chunk it loads are built into assets/import/, outside the first load and the precache (vite.config.ts).
 */
import type { ImportMessage, ImportRequest } from './import-protocol'
import { ingest } from '~/ingest/pipeline'
import { ingestIsolated } from './ingest-isolated'

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ImportRequest>) => void) | null, postMessage: (m: ImportMessage) => void }

scope.onmessage = async ({ data: request }) => {
  try {
    const files = request.files.map(f => ({ name: f.name, bytes: new Uint8Array(f.bytes) }))
    const result = await ingestIsolated(files, ingest, (done, total, stage) => scope.postMessage({ type: 'progress', done, total, stage }))
    scope.postMessage({ type: 'done', result })
  }
  catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
}

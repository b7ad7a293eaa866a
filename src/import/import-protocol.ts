import type { PlanData } from '~/domain/plan'
import type { Diagnostic } from '~/ingest/diagnostics'

/** Messages between the import page and the import worker. */

/** One document to read: its name (the extension tells the format readers what to expect) and its bytes. */
export interface ImportFile {
  name: string
  bytes: ArrayBuffer
}

export interface ImportRequest {
  files: ImportFile[]
}

/** A file the pipeline could not get through at all (a reader threw): the other files are still read. */
export interface UnreadableFile {
  name: string
  message: string
}

/** What the worker found: plans (origin `local`), diagnostics, and files it could not read at all. */
export interface ImportResult {
  data: PlanData
  diagnostics: Diagnostic[]
  unreadable: UnreadableFile[]
}

export type ImportMessage
  = | { type: 'progress', done: number, total: number, stage: string }
    | { type: 'done', result: ImportResult }
    | { type: 'error', message: string }

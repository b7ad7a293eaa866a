/** A finding about an input document: what the pipeline repaired, doubted or could not read. */
export interface Diagnostic {
  level: 'error' | 'warning' | 'info'
  /** Stable machine-readable code, e.g. "numbering-gap". */
  code: string
  /** One line in English for the operator. */
  message: string
  /** Input file name the finding is about, when there is one. */
  source?: string
  /** The same finding in plain Chinese for the app's import preview (e.g. "第 7 条没有写明牵头单位"). */
  zh?: string
}

/** Formats a diagnostic as one stderr line. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.level}: ${d.source ? `${d.source}: ` : ''}${d.message} [${d.code}]`
}

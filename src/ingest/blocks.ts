import type { Diagnostic } from './diagnostics'

/**
 * The one intermediate form every format reader produces and the layout parser reads (DESIGN.md §6): the document
 * as an ordered list of paragraphs and tables, whatever file it came from.
 */

/** A paragraph or line of running text. Word's automatic numbering is already turned back into text ("一、"). */
export interface ParagraphBlock {
  kind: 'paragraph'
  text: string
  /** Where it stood in the source, for diagnostics: "第 3 页", "第 12 段", "工作表 任务分解 第 5 行". */
  at?: string
}

/** One table row as the reader saw it. */
export interface TableRow {
  cells: string[]
  /** The row is one merged cell across the table's width (a section heading row in task tables). */
  merged?: boolean
}

/** A table: Excel sheets, Word tables, HTML tables, CSV files. */
export interface TableBlock {
  kind: 'table'
  rows: TableRow[]
  /** Sheet or table name where there is one. */
  name?: string
  at?: string
}

export type Block = ParagraphBlock | TableBlock

/** One input document, as raw bytes (any supported format and encoding) and the name it came with. */
export interface SourceFile {
  name: string
  bytes: Uint8Array
}

export type DocumentFormat = 'txt' | 'docx' | 'pdf' | 'xlsx' | 'xls' | 'csv' | 'html'

/** A document read by a format reader. `blocks` is empty when it could not be read; the diagnostics say why. */
export interface BlockDocument {
  source: string
  /** What the content turned out to be (chosen by content, not by the extension alone); null when unreadable. */
  format: DocumentFormat | null
  blocks: Block[]
  diagnostics: Diagnostic[]
}

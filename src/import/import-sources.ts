import type { ImportFile } from './import-protocol'
import type { SharedEntry } from '~/db/shared-files'
import { IMPORT_EXTENSIONS } from './import-assets'

// What the import page collects before parsing: files picked or shared, and text pasted. Pure, so it is tested in Node.

/** The file picker's accept list. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',')

/** Larger files are refused before parsing: a plan document is a few megabytes at most. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

/** One document waiting to be parsed, as the page lists it. */
export interface ChosenFile extends ImportFile {
  /** Where it came from, for the list: 选择的文件, 粘贴的文字, 分享的文件. */
  origin: 'picked' | 'pasted' | 'shared'
}

/**
 * Pasted text as a document. Rows copied from Excel arrive tab-separated: they become a .tsv, so the table
 * readers see a table; anything else is plain text.
 */
export function pastedTextFile(text: string, name?: string): ChosenFile {
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer
  const tabular = text.split(/\r?\n/).filter(line => line.includes('\t')).length >= 2
  return { name: name ?? (tabular ? '粘贴的表格.tsv' : '粘贴的文字.txt'), bytes, origin: 'pasted' }
}

/**
 * Shared entries as documents. Shared text becomes a text document; the shared page title leads it when the text
 * does not already contain it, since the plan heading is often only in the title.
 */
export function sharedEntryFiles(entries: SharedEntry[]): ChosenFile[] {
  return entries.flatMap((entry): ChosenFile[] => {
    if (entry.kind === 'file')
      return [{ name: entry.name || '分享的文件', bytes: entry.bytes, origin: 'shared' }]
    const text = entry.title && !entry.text.includes(entry.title) ? `${entry.title}\n${entry.text}` : entry.text
    return text.trim() ? [{ ...pastedTextFile(text, '分享的文字.txt'), origin: 'shared' }] : []
  })
}

/** "通知.docx" → "通知 (2).docx" for the second file of that name: names are how the preview tells files apart. */
export function withUniqueNames<T extends { name: string }>(files: T[]): T[] {
  const used = new Set<string>()
  return files.map((file) => {
    let name = file.name
    const dot = name.lastIndexOf('.')
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
    for (let n = 2; used.has(name); n++)
      name = `${stem} (${n})${ext}`
    used.add(name)
    return name === file.name ? file : { ...file, name }
  })
}

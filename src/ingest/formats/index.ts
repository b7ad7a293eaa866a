import type { BlockDocument, SourceFile } from '../blocks'
import { decodeDocument } from '../decode'
import { errorText, refuse, withChineseWords } from './refusals'
import { looksLikeHtml, sniff, zipKind } from './sniff'
import { readText } from './txt'

/**
 * Reads any supported document into blocks: the one entry point of the format readers, shared by the CLI, the
 * build and the app's import worker. The format is chosen by content, not by the extension alone. Each reader
 * (and the library it needs) is loaded on first use, so reading a .txt loads no PDF or spreadsheet code. Never
 * throws: whatever goes wrong ends as one error diagnostic saying what the file is and what to do.
 */
export async function readDocumentBlocks(file: SourceFile): Promise<BlockDocument> {
  try {
    return await read(file.bytes, file.name)
  }
  catch (error) {
    return refuse('unreadable', file.name, errorText(error))
  }
}

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''

async function read(bytes: Uint8Array, source: string): Promise<BlockDocument> {
  const sniffed = sniff(bytes)
  switch (sniffed.kind) {
    case 'refuse':
      return refuse(sniffed.code, source)
    case 'pdf':
      return (await import('./pdf')).readPdf(bytes, source)
    case 'zip':
      return readZip(bytes, source)
    case 'ole': {
      const { oleKind } = await import('./ole')
      const kind = oleKind(bytes)
      return kind === 'xls' ? (await import('./sheet')).readSheets(bytes, source, 'xls') : refuse(kind.refuse, source)
    }
    case 'text':
      return readTextual(bytes, source)
  }
}

async function readZip(bytes: Uint8Array, source: string): Promise<BlockDocument> {
  const { unzip } = await import('./xml')
  let names: string[]
  try {
    names = (await unzip(bytes)).names
  }
  catch (error) {
    return refuse('damaged-zip', source, errorText(error))
  }
  const kind = zipKind(names)
  if (kind === 'xlsx')
    return (await import('./sheet')).readSheets(bytes, source, 'xlsx')
  if (kind !== 'docx')
    return refuse(kind.refuse, source)
  let entries
  try {
    // The XML parts only: images and embedded objects are never inflated.
    entries = await unzip(bytes, name => name.endsWith('.xml') || name.endsWith('.rels'))
  }
  catch (error) {
    return refuse('damaged-zip', source, errorText(error))
  }
  return (await import('./docx')).readDocx(entries, source)
}

/** Bytes that are no container: a web page, a CSV/TSV table, or plain text. */
async function readTextual(bytes: Uint8Array, source: string): Promise<BlockDocument> {
  if (looksLikeHtml(bytes))
    return (await import('./html')).readHtml(bytes, source)
  const ext = extension(source)
  const { looksLikeCsv, readCsv } = await import('./csv')
  if (ext === 'csv' || ext === 'tsv')
    return readCsv(bytes, source)
  const decoded = decodeDocument(bytes, source)
  if (decoded.text === null) {
    // Binary bytes under a document's name: the file is damaged (or misnamed), which says more than "binary".
    if (decoded.diagnostics.some(d => d.code === 'binary') && ext === 'pdf')
      return refuse('not-pdf', source)
    if (decoded.diagnostics.some(d => d.code === 'binary') && ['docx', 'xlsx', 'xls', 'doc', 'et', 'wps'].includes(ext))
      return refuse('not-office', source)
    return { source, format: null, blocks: [], diagnostics: withChineseWords(decoded.diagnostics).slice(0, 1) }
  }
  if (looksLikeCsv(decoded.text))
    return readCsv(bytes, source)
  const doc = readText(bytes, source)
  return { ...doc, diagnostics: withChineseWords(doc.diagnostics) }
}

import type { Block, BlockDocument } from '../blocks'
import type { Diagnostic } from '../diagnostics'
import type { PageText, TextPiece } from './pdf-lines'
import { dropRunningText, pageLines } from './pdf-lines'
import { errorText, refuse } from './refusals'

/**
 * .pdf: the text layer through PDF.js (unpdf's build, which needs no worker of its own and runs in Node and in the
 * import Web Worker), loaded on first use. One paragraph block per line: the layout parser joins broken lines, as it
 * does for PDF-extracted text files.
 */

interface TextItemLike { str?: string, transform?: number[], width?: number }

/** Multiplies two affine matrices [a b c d e f] (PDF order: m1 applied first). */
function multiply(m1: number[], m2: number[]): number[] {
  const [a1, b1, c1, d1, e1, f1] = m1 as [number, number, number, number, number, number]
  const [a2, b2, c2, d2, e2, f2] = m2 as [number, number, number, number, number, number]
  return [a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2, e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2]
}

/** A text item in the page's display space; null for rotated text (watermarks, vertical stamps), which is no body text. */
function piece(item: TextItemLike, viewport: number[]): TextPiece | null {
  if (typeof item.str !== 'string' || !item.transform || item.str === '')
    return null
  const m = multiply(item.transform, viewport)
  const [a, b, c, d, x, y] = m as [number, number, number, number, number, number]
  if (Math.abs(b) > Math.abs(a) * 0.1 || a <= 0)
    return null
  return { str: item.str, x, y, width: item.width ?? 0, size: Math.hypot(c, d) }
}

/** Share of characters that are no real text: private-use glyph codes, replacement characters, control codes. */
function garbledShare(text: string): number {
  let visible = 0
  let garbled = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (/\s/.test(ch))
      continue
    visible++
    if (code < 0x20 || code === 0xFFFD || (code >= 0xE000 && code <= 0xF8FF))
      garbled++
  }
  return visible === 0 ? 0 : garbled / visible
}

/** PDF.js operators that draw text: a page that has them but gives no text has fonts without a text encoding. */
const SHOW_TEXT_OPS = ['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText']

/**
 * Loads unpdf and its PDF.js build. PDF.js's bundled worker half, when its module runs inside a Web Worker, takes
 * that worker's own message port over (it checks `"onmessage" in self`) and posts a "ready" message to the page,
 * which the import worker's page would receive as a stray message. While the module evaluates, `onmessage` is hidden
 * from that check; PDF.js then runs its worker half in this thread (unpdf's fake worker), as it does in Node.
 */
async function loadUnpdf(): Promise<typeof import('unpdf')> {
  const unpdf = await import('unpdf')
  const scope = globalThis as Record<string, unknown>
  const inWorker = typeof (globalThis as { window?: unknown }).window === 'undefined' && typeof scope.importScripts === 'function' && 'onmessage' in scope
  let owner: object | null = inWorker ? scope : null
  while (owner && !Object.prototype.hasOwnProperty.call(owner, 'onmessage'))
    owner = Object.getPrototypeOf(owner) as object | null
  const descriptor = owner ? Object.getOwnPropertyDescriptor(owner, 'onmessage') : undefined
  try {
    if (owner && descriptor?.configurable)
      delete (owner as Record<string, unknown>).onmessage
    await unpdf.resolvePDFJSImport()
  }
  finally {
    if (owner && descriptor?.configurable)
      Object.defineProperty(owner, 'onmessage', descriptor)
  }
  return unpdf
}

/** Reads a PDF's text layer into one paragraph block per line, headers, footers and page numbers dropped. */
export async function readPdf(bytes: Uint8Array, source: string): Promise<BlockDocument> {
  const { getDocumentProxy, getResolvedPDFJS } = await loadUnpdf()
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    // PDF.js takes the buffer over (transfers it): give it a copy, the caller may read the bytes again.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, stopAtErrors: false })
  }
  catch (error) {
    const name = error instanceof Error ? error.name : ''
    return refuse(name === 'PasswordException' ? 'pdf-encrypted' : 'damaged-pdf', source, errorText(error))
  }
  try {
    const pages: PageText[] = []
    const failed: number[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const page = await pdf.getPage(n)
        const viewport = page.getViewport({ scale: 1 })
        const content = await page.getTextContent()
        const pieces = (content.items as TextItemLike[]).map(item => piece(item, viewport.transform)).filter((p): p is TextPiece => p !== null)
        pages.push({ pieces, width: viewport.width, height: viewport.height })
        page.cleanup()
      }
      catch {
        failed.push(n)
        pages.push({ pieces: [], width: 1, height: 1 })
      }
    }
    const textChars = pages.map(p => p.pieces.reduce((n, piece) => n + piece.str.replace(/\s/g, '').length, 0))
    if (pdf.numPages === 0 || failed.length === pdf.numPages)
      return refuse('damaged-pdf', source, failed.length > 0 ? 'no page could be read' : 'no pages')
    if (textChars.every(n => n === 0))
      return refuse(await drawsText(pdf, getResolvedPDFJS) ? 'pdf-no-unicode' : 'pdf-scanned', source)
    const allText = pages.map(p => p.pieces.map(piece => piece.str).join('')).join('')
    if (garbledShare(allText) > 0.3)
      return refuse('pdf-no-unicode', source)

    const kept = dropRunningText(pages.map(p => ({ lines: pageLines(p), height: p.height })))
    const blocks: Block[] = kept.flatMap((lines, i) => lines.map(line => ({ kind: 'paragraph' as const, text: line.text, at: `第 ${i + 1} 页` })))
    const diagnostics: Diagnostic[] = []
    const blank = textChars.flatMap((n, i) => (n === 0 && !failed.includes(i + 1) ? [i + 1] : []))
    if (blank.length > 0) {
      diagnostics.push({
        level: 'warning',
        code: 'pdf-pages-without-text',
        source,
        message: `page(s) ${blank.join(', ')} have no text layer (scanned); their content was not read`,
        zh: `第 ${blank.join('、')} 页没有文字层（扫描页），其内容未能读入`,
      })
    }
    if (failed.length > 0) {
      diagnostics.push({ level: 'warning', code: 'pdf-pages-unreadable', source, message: `page(s) ${failed.join(', ')} could not be read`, zh: `第 ${failed.join('、')} 页已损坏，未能读入` })
    }
    if (blocks.length === 0)
      return refuse('no-text', source)
    return { source, format: 'pdf', blocks, diagnostics }
  }
  finally {
    await pdf.destroy().catch(() => {})
  }
}

/** Whether the first pages draw text at all (only asked when they gave none: scanned, or fonts without encoding). */
async function drawsText(pdf: { numPages: number, getPage: (n: number) => Promise<{ getOperatorList: () => Promise<{ fnArray: number[] }> }> }, resolve: () => Promise<unknown>): Promise<boolean> {
  try {
    const ops = ((await resolve()) as { OPS?: Record<string, number> }).OPS ?? {}
    const wanted = new Set(SHOW_TEXT_OPS.map(name => ops[name]).filter((n): n is number => n !== undefined))
    for (let n = 1; n <= Math.min(pdf.numPages, 3); n++) {
      const list = await (await pdf.getPage(n)).getOperatorList()
      if (list.fnArray.some(fn => wanted.has(fn)))
        return true
    }
  }
  catch {}
  return false
}

import type { Document, Element } from 'domhandler'
import type { Block, BlockDocument, TableRow } from '../blocks'
import type { Diagnostic } from '../diagnostics'
import type { ZipEntries } from './xml'
import { ListNumbering } from './docx-numbering'
import { REFUSALS, refuse } from './refusals'
import { child, descendants, elements, isOn, parseXml, relationshipTarget, resolvePart } from './xml'

/**
 * .docx: the main document part only, so headers, footers, footnotes, endnotes and comments (parts of their own)
 * never reach the blocks. Paragraphs in order, Word's automatic numbering turned back into text, tracked
 * insertions kept and deletions dropped, tables as table blocks. Text boxes are kept: their paragraphs follow the
 * paragraph they are anchored in (offices put real content in them, e.g. a title or a boxed note).
 */

/** Containers whose children are read as if they stood in place of the container. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:ins', 'w:moveTo', 'w:bdo', 'w:dir', 'w:sdtContent'])
// Everything else is never read: w:del and w:moveFrom (tracked deletions), properties, note and comment references
// (their text lives in parts of its own), w:sectPr, w:altChunk. Only the containers above are descended into.
/** Field instructions whose results are page furniture, not text. */
const PAGE_FIELD = /^\s*(?:PAGE|NUMPAGES|SECTIONPAGES|SECTION|PAGEREF)\b/i

interface FieldFrame {
  instruction: string
  /** false while the instruction is being read, true once its result starts (after `separate`). */
  inResult: boolean
  dropResult: boolean
}

class DocxWalker {
  readonly blocks: Block[] = []
  private paragraphs = 0
  private tables = 0
  private fields: FieldFrame[] = []
  /** Text of a paragraph whose mark was deleted (tracked): it runs on into the next paragraph. */
  private carry = ''

  constructor(private numbering: ListNumbering) {}

  /** Reads body-level content (the body, a cell, a text box) into `out`. */
  body(container: Element, out: Block[] = this.blocks): Block[] {
    for (const el of elements(container)) {
      if (el.name === 'w:p')
        this.paragraph(el, out)
      else if (el.name === 'w:tbl')
        this.table(el, out)
      else if (el.name === 'w:sdt')
        this.body(child(el, 'w:sdtContent') ?? el, out)
      else if (TRANSPARENT.has(el.name))
        this.body(el, out)
    }
    return out
  }

  private paragraph(p: Element, out: Block[]): void {
    const pPr = child(p, 'w:pPr')
    const label = this.numbering.next(pPr) ?? ''
    const lines: string[] = [this.carry]
    this.carry = ''
    const boxes: Element[] = []
    this.inline(p, lines, boxes)
    const markRPr = pPr ? child(pPr, 'w:rPr') : undefined
    if (markRPr && child(markRPr, 'w:del')) {
      this.carry = label + lines.join('')
      return
    }
    lines[0] = label + lines[0]
    for (const line of lines) {
      const text = line.replace(/^\s+|\s+$/g, '')
      if (text !== '')
        out.push({ kind: 'paragraph', text, at: `第 ${++this.paragraphs} 段` })
    }
    for (const box of boxes) {
      // A text box is a story of its own: its fields do not continue the paragraph's.
      const fields = this.fields
      this.fields = []
      this.body(box, out)
      this.fields = fields
    }
  }

  /** Inline content: runs and their wrappers; `lines` grows by one at every line break. */
  private inline(node: Element, lines: string[], boxes: Element[]): void {
    for (const el of elements(node)) {
      const name = el.name
      if (name === 'w:r') {
        this.run(el, lines, boxes)
      }
      else if (name === 'w:fldSimple') {
        if (PAGE_FIELD.test(el.attribs['w:instr'] ?? ''))
          continue
        this.inline(el, lines, boxes)
      }
      else if (name === 'w:sdt') {
        this.inline(child(el, 'w:sdtContent') ?? el, lines, boxes)
      }
      else if (TRANSPARENT.has(name)) {
        this.inline(el, lines, boxes)
      }
      else if (name === 'm:oMathPara' || name === 'm:oMath') {
        lines[lines.length - 1] += descendants(el, 'm:t').map(t => textContent(t)).join('')
      }
    }
  }

  private get showing(): boolean {
    return this.fields.every(f => f.inResult && !f.dropResult)
  }

  private run(r: Element, lines: string[], boxes: Element[]): void {
    const rPr = child(r, 'w:rPr')
    // Hidden text (vanish) is not shown by Word and not printed; the fields in it still open and close.
    const hidden = rPr !== undefined && isOn(child(rPr, 'w:vanish')) && child(rPr, 'w:specVanish') === undefined
    const add = (text: string) => {
      if (!hidden && this.showing)
        lines[lines.length - 1] += text
    }
    for (const el of elements(r)) {
      switch (el.name) {
        case 'w:t':
          add(textContent(el))
          break
        case 'w:tab':
        case 'w:ptab':
          add(' ')
          break
        case 'w:noBreakHyphen':
          add('-')
          break
        case 'w:br':
        case 'w:cr':
          if (!hidden && this.showing)
            lines.push('')
          break
        case 'w:fldChar':
          this.fieldChar(el.attribs['w:fldCharType'])
          break
        case 'w:instrText': {
          const frame = this.fields.at(-1)
          if (frame && !frame.inResult)
            frame.instruction += textContent(el)
          break
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          if (!hidden)
            boxes.push(...textBoxes(el))
          break
      }
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push({ instruction: '', inResult: false, dropResult: false })
    }
    else if (type === 'separate') {
      const frame = this.fields.at(-1)
      if (frame) {
        frame.inResult = true
        frame.dropResult = PAGE_FIELD.test(frame.instruction)
      }
    }
    else if (type === 'end') {
      this.fields.pop()
    }
  }

  private table(tbl: Element, out: Block[]): void {
    const gridCols = descendants(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length
    const rows: TableRow[] = []
    /** The span of a row's only cell (0 where the row has several): a section row spans the whole width. */
    const spans: number[] = []
    let cellCount = 0
    for (const tr of tableParts(tbl, 'w:tr')) {
      const trPr = child(tr, 'w:trPr')
      const before = Number(child(trPr ?? tr, 'w:gridBefore')?.attribs['w:val'] ?? 0) || 0
      const after = Number(child(trPr ?? tr, 'w:gridAfter')?.attribs['w:val'] ?? 0) || 0
      const cells: string[] = Array.from({ length: before }, () => '')
      const tcs = tableParts(tr, 'w:tc')
      let lastSpan = 0
      for (const tc of tcs) {
        const tcPr = child(tc, 'w:tcPr')
        const span = Math.max(1, Number(child(tcPr ?? tc, 'w:gridSpan')?.attribs['w:val'] ?? 1) || 1)
        const vMerge = child(tcPr ?? tc, 'w:vMerge')
        const continued = (vMerge !== undefined && vMerge.attribs['w:val'] !== 'restart') || (child(tcPr ?? tc, 'w:hMerge')?.attribs['w:val'] ?? 'restart') !== 'restart'
        // A vertically merged cell stays empty below its first row, as Excel stores merges: the layout parser reads
        // an empty 序号 row as the previous task's continuation, where a repeated value would read as a second task.
        const text = this.cellText(tc)
        cells.push(continued ? '' : text, ...Array.from({ length: span - 1 }, () => ''))
        cellCount++
        lastSpan = span
      }
      cells.push(...Array.from({ length: after }, () => ''))
      rows.push({ cells })
      spans.push(tcs.length === 1 && before === 0 && after === 0 ? lastSpan : 0)
    }
    const width = Math.max(gridCols, ...rows.map(r => r.cells.length))
    // A one-column table is a frame around text (a boxed title, a layout grid), not a table of columns.
    if (width <= 1 || cellCount <= 1) {
      for (const row of rows) {
        for (const line of row.cells.join('\n').split('\n').filter(t => t.trim() !== ''))
          out.push({ kind: 'paragraph', text: line.trim(), at: `第 ${++this.paragraphs} 段` })
      }
      return
    }
    rows.forEach((row, i) => {
      while (row.cells.length < width)
        row.cells.push('')
      if (spans[i]! >= width && row.cells[0] !== '')
        row.merged = true
    })
    if (rows.some(r => r.cells.some(c => c !== '')))
      out.push({ kind: 'table', rows, at: `第 ${++this.tables} 个表格` })
  }

  /** A cell's paragraphs joined by newlines; a nested table reads row by row, its cells joined by spaces. */
  private cellText(tc: Element): string {
    // `at` counts the body's own paragraphs and tables: what stands inside a cell is no paragraph of its own.
    const [paragraphs, tables] = [this.paragraphs, this.tables]
    const blocks = this.body(tc, [])
    this.paragraphs = paragraphs
    this.tables = tables
    return blocks.flatMap(b => (b.kind === 'paragraph' ? [b.text] : b.rows.map(r => r.cells.filter(c => c !== '').join(' ')))).join('\n')
  }
}

/** Rows of a table or cells of a row, looking through content-control and custom-XML wrappers. */
function tableParts(node: Element, name: string): Element[] {
  const out: Element[] = []
  for (const el of elements(node)) {
    if (el.name === name)
      out.push(el)
    else if (el.name === 'w:sdt' || el.name === 'w:customXml' || el.name === 'w:sdtContent' || el.name === 'w:ins' || el.name === 'w:moveTo')
      out.push(...tableParts(el, name))
  }
  return out
}

/** The text boxes in a drawing: one branch of an mc:AlternateContent (Choice and Fallback hold the same box). */
function textBoxes(el: Element): Element[] {
  if (el.name === 'mc:AlternateContent') {
    const branch = child(el, 'mc:Choice') ?? child(el, 'mc:Fallback')
    return branch ? textBoxes(branch) : []
  }
  const out: Element[] = []
  for (const c of elements(el)) {
    if (c.name === 'w:txbxContent')
      out.push(c)
    else
      out.push(...textBoxes(c))
  }
  return out
}

function textContent(el: Element): string {
  let text = ''
  for (const n of el.children) {
    if (n.type === 'text')
      text += n.data
  }
  return text
}

/** Reads a .docx whose XML parts are in `entries`. */
export async function readDocx(entries: ZipEntries, source: string): Promise<BlockDocument> {
  const main = resolvePart('', (await relationshipTarget(entries.read('_rels/.rels'), 'officeDocument')) ?? 'word/document.xml')
  const mainBytes = entries.read(main) ?? entries.read('word/document.xml')
  if (!mainBytes)
    return refuse('damaged-docx', source, `${main} is missing`)
  const rels = entries.read(resolvePart(main, `_rels/${main.split('/').pop()}.rels`))
  const part = async (type: string, fallback: string): Promise<Document | undefined> => {
    const target = await relationshipTarget(rels, type)
    const bytes = entries.read(target ? resolvePart(main, target) : fallback)
    return bytes ? parseXml(bytes) : undefined
  }
  const [document, numbering, styles] = await Promise.all([parseXml(mainBytes), part('numbering', 'word/numbering.xml'), part('styles', 'word/styles.xml')])
  const body = descendants(document, 'w:body')[0]
  if (!body)
    return refuse('damaged-docx', source, 'no w:body in the main document part')
  const walker = new DocxWalker(new ListNumbering(numbering, styles))
  const blocks = walker.body(body)
  // An altChunk imports another file's content (OA systems write them); Word merges it on opening, we cannot.
  const chunks = descendants(body, 'w:altChunk').length
  if (blocks.length === 0)
    return refuse(chunks > 0 ? 'docx-alt-chunk' : 'no-text', source)
  const diagnostics: Diagnostic[] = chunks > 0
    ? [{ level: 'warning', code: 'docx-alt-chunk', source, message: `${chunks} embedded chunk(s) (altChunk) were not read; open the file in Word and save it again`, zh: REFUSALS['docx-alt-chunk'].zh }]
    : []
  return { source, format: 'docx', blocks, diagnostics }
}

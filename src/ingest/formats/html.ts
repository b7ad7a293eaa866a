import type { ChildNode, Element } from 'domhandler'
import type { Block, BlockDocument, TableRow } from '../blocks'
import type { TextStats } from './html-body'
import { findArticle, isChromeLine, prune } from './html-body'
import { decodePage } from './html-charset'
import { refuse } from './refusals'

/**
 * .html / .htm (a browser's "save as" of a government page) through htmlparser2, loaded on first use: the
 * declared charset, then the article body only (html-body.ts), its headline first. Block elements and <br> make
 * paragraph blocks, data tables make table blocks.
 */

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dd', 'dt', 'blockquote', 'section', 'article', 'main', 'pre', 'address', 'center', 'figure', 'figcaption', 'caption', 'hr', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'fieldset', 'legend', 'details', 'summary'])

const clean = (text: string) => text.replace(/[ \t\n\r\f\u00A0]+/g, ' ').replace(/^\s+|\s+$/g, '')

/** Walks content into lines (paragraph boundaries at blocks and <br>) and table blocks. */
class PageWalker {
  private line = ''
  private pre = 0

  constructor(private out: Block[]) {}

  flush(): void {
    // Only <br> and <pre> put line breaks into the line (source white space was folded into spaces on the way).
    const text = this.line
    this.line = ''
    for (const part of text.split('\n').map(clean)) {
      if (part !== '' && !isChromeLine(part))
        this.out.push({ kind: 'paragraph', text: part })
    }
  }

  walk(nodes: ChildNode[]): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        this.line += this.pre > 0 ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' ')
        continue
      }
      if (node.type !== 'tag')
        continue
      const el = node as Element
      if (el.name === 'br') {
        this.line += '\n'
      }
      else if (el.name === 'table' && isDataTable(el)) {
        this.flush()
        const rows = tableRows(el)
        if (rows.some(r => r.cells.some(c => c !== '')))
          this.out.push({ kind: 'table', rows })
      }
      else if (BLOCK_TAGS.has(el.name) || el.name === 'table') {
        this.flush()
        if (el.name === 'pre')
          this.pre++
        this.walk(el.children)
        this.flush()
        if (el.name === 'pre')
          this.pre--
      }
      else if (el.name !== 'img') {
        this.walk(el.children)
      }
    }
  }
}

const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => c.type === 'tag' && ((c as Element).name === 'td' || (c as Element).name === 'th'))

/** A data table has rows of several cells and no table inside it; otherwise it is a layout grid, read as blocks. */
function isDataTable(table: Element): boolean {
  const rows = ownRows(table)
  if (rows.length < 2 || rows.every(r => cellsOf(r).length < 2))
    return false
  const nested = (el: Element): boolean => el.children.some(c => c.type === 'tag' && ((c as Element).name === 'table' || nested(c as Element)))
  return !nested(table)
}

function ownRows(table: Element): Element[] {
  const out: Element[] = []
  for (const c of table.children) {
    if (c.type !== 'tag')
      continue
    const el = c as Element
    if (el.name === 'tr')
      out.push(el)
    else if (el.name === 'thead' || el.name === 'tbody' || el.name === 'tfoot')
      out.push(...ownRows(el))
  }
  return out
}

const span = (value: string | undefined) => Math.min(100, Math.max(1, Number.parseInt(value ?? '1', 10) || 1))

/** Rows of cell texts; colspan and rowspan leave the covered cells empty, as the Word and Excel readers do. */
function tableRows(table: Element): TableRow[] {
  const rows: TableRow[] = []
  const pending: number[] = [] // rows still covered below, per column
  const singles: number[] = []
  for (const tr of ownRows(table)) {
    const cells: string[] = []
    const tds = cellsOf(tr)
    let column = 0
    const skipCovered = () => {
      while ((pending[column] ?? 0) > 0) {
        pending[column]!--
        cells.push('')
        column++
      }
    }
    for (const td of tds) {
      skipCovered()
      const lines: Block[] = []
      const walker = new PageWalker(lines)
      walker.walk(td.children)
      walker.flush()
      const text = lines.map(b => (b.kind === 'paragraph' ? b.text : b.rows.map(r => r.cells.filter(Boolean).join(' ')).join('\n'))).join('\n')
      const cols = span(td.attribs.colspan)
      const down = span(td.attribs.rowspan) - 1
      for (let i = 0; i < cols; i++) {
        cells.push(i === 0 ? text : '')
        if (down > 0)
          pending[column] = down
        column++
      }
    }
    skipCovered()
    rows.push({ cells })
    singles.push(tds.length === 1 ? span(tds[0]!.attribs.colspan) : 0)
  }
  const width = Math.max(...rows.map(r => r.cells.length))
  rows.forEach((row, i) => {
    while (row.cells.length < width)
      row.cells.push('')
    if (width > 1 && singles[i]! >= width && row.cells[0] !== '')
      row.merged = true
  })
  return rows
}

function textOf(el: Element): string {
  return el.children.map(c => (c.type === 'text' ? c.data : c.type === 'tag' ? textOf(c as Element) : '')).join('')
}

function findAll(nodes: ChildNode[], test: (el: Element) => boolean, out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style')
      continue
    if (test(n as Element))
      out.push(n as Element)
    findAll((n as Element).children, test, out)
  }
  return out
}

const HEADLINE_NAME = /(?:^|[\s_-])(?:title|tit|bt|biaoti|headline|article-?title|news_?title)(?:$|[\s_-])/i

/**
 * The article's headline: a heading or title-named element whose text the page's <title> repeats (the site logo's
 * h1 is not), else the first h1 of the article, else the <title> up to the site name ("…_某某县人民政府").
 */
function headline(page: ChildNode[], article: Element | undefined, titleText: string): string {
  const candidates = findAll(page, el => /^h[1-3]$/.test(el.name) || HEADLINE_NAME.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`))
    .map(el => clean(textOf(el)))
    .filter(t => /[\u3400-\u9FFF]/.test(t) && t.length >= 4 && t.length <= 120)
  // The title's first part is the article's ("…_某某县人民政府"): the site logo's h1 matches the part after it.
  const titleHead = titleText.split(/\s*[_|｜]\s*|\s+[-—–]\s+/)[0] ?? ''
  const inTitle = candidates.filter(t => titleHead.includes(t)).sort((a, b) => b.length - a.length)[0]
  if (inTitle)
    return inTitle
  const h1 = article ? findAll([article], el => el.name === 'h1').map(el => clean(textOf(el))).find(t => t !== '') : undefined
  return h1 ?? clean(titleHead)
}

/** Reads a saved web page: its article as paragraph and table blocks. */
export async function readHtml(bytes: Uint8Array, source: string): Promise<BlockDocument> {
  const decoded = decodePage(bytes, source)
  if (decoded.text === null)
    return { source, format: null, blocks: [], diagnostics: decoded.diagnostics }
  const { parseDocument } = await import('htmlparser2')
  const document = parseDocument(decoded.text, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  const titleText = clean(findAll(document.children, el => el.name === 'title').map(textOf)[0] ?? '')
  // Pruning measures chrome-named blocks before it cuts into them: scoring needs counts of the pruned tree.
  document.children = prune(document.children, new Map())
  const root = findAll(document.children, el => el.name === 'body')[0] ?? findAll(document.children, el => el.name === 'html')[0]
  const article = root ? findArticle(root, new Map<Element, TextStats>()) : undefined
  const blocks: Block[] = []
  const walker = new PageWalker(blocks)
  walker.walk(article ? [article] : document.children)
  walker.flush()
  const head = headline(document.children, article, titleText)
  const first = blocks.find(b => b.kind === 'paragraph')
  if (head !== '' && !(first?.kind === 'paragraph' && first.text.includes(head)))
    blocks.unshift({ kind: 'paragraph', text: head })
  if (!blocks.some(b => (b.kind === 'paragraph' && /[\u3400-\u9FFF]/.test(b.text) && b.text !== head) || b.kind === 'table'))
    return refuse('html-no-body', source)
  let paragraphs = 0
  let tables = 0
  const numbered = blocks.map(b => ({ ...b, at: b.kind === 'paragraph' ? `第 ${++paragraphs} 段` : `第 ${++tables} 个表格` }))
  return { source, format: 'html', blocks: numbered, diagnostics: decoded.diagnostics }
}

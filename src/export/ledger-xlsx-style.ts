/**
 * What the community SheetJS build does not write: a frozen header row and a styled header (bold, tinted, with a
 * rule below). Its writer only knows number formats, so the finished package is opened with the library's own
 * zip reader (CFB) and two of its parts are edited: the sheet's view gets a frozen pane, the styles get one more
 * cell format, and the header cells use it. Each edit checks that the part looks as this build writes it, so a
 * library update that changes the output fails loudly in the tests instead of producing a plain sheet.
 */

/** The part of SheetJS's zip reader/writer used here (its types declare CFB as any). */
export interface ZipEntry { content: Uint8Array | number[] | null, size: number }
export interface Cfb {
  read: (data: Uint8Array, opts: { type: 'array' }) => unknown
  find: (container: unknown, path: string) => ZipEntry | null
  write: (container: unknown, opts: { fileType: 'zip', type: 'array', compression: boolean }) => ArrayLike<number>
}

const SHEET = '/xl/worksheets/sheet1.xml'
const STYLES = '/xl/styles.xml'

const HEADER_FONT = '<font><b/><sz val="12"/><color rgb="FF0B2E66"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
const HEADER_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FFE8F0FE"/><bgColor indexed="64"/></patternFill></fill>'
const HEADER_BORDER = '<border><left/><right/><top/><bottom style="thin"><color rgb="FF0A58CA"/></bottom><diagonal/></border>'
const FROZEN_VIEW = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'

function replaceOnce(xml: string, pattern: RegExp, by: (...m: string[]) => string, what: string): string {
  let hits = 0
  const out = xml.replace(pattern, (...m: string[]) => {
    hits++
    return by(...m)
  })
  if (hits !== 1)
    throw new Error(`工作台账表头样式未能写入（${what}）`)
  return out
}

/** Appends an element to a counted list (<fonts count="1">…</fonts>) and returns the new list and its index. */
function appendCounted(xml: string, tag: string, element: string): { xml: string, index: number } {
  let index = -1
  const next = replaceOnce(xml, new RegExp(`<${tag} count="(\\d+)">([\\s\\S]*?)</${tag}>`), (_all, count, body) => {
    index = Number(count)
    return `<${tag} count="${index + 1}">${body}${element}</${tag}>`
  }, tag)
  return { xml: next, index }
}

function styleSheet(xml: string): { xml: string, xf: number } {
  const font = appendCounted(xml, 'fonts', HEADER_FONT)
  const fill = appendCounted(font.xml, 'fills', HEADER_FILL)
  const border = appendCounted(fill.xml, 'borders', HEADER_BORDER)
  const xf = `<xf numFmtId="0" fontId="${font.index}" fillId="${fill.index}" borderId="${border.index}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>`
  const cellXfs = appendCounted(border.xml, 'cellXfs', xf)
  return { xml: cellXfs.xml, xf: cellXfs.index }
}

function sheet(xml: string, xf: number): string {
  const frozen = replaceOnce(xml, /<sheetView workbookViewId="0"\/>/, () => FROZEN_VIEW, 'sheetView')
  return replaceOnce(frozen, /<row r="1"[^>]*>[\s\S]*?<\/row>/, row => row.replace(/<c r="([A-Z]+1)"(?: s="\d+")?/g, `<c r="$1" s="${xf}"`), 'header row')
}

function editPart(cfb: Cfb, container: unknown, path: string, edit: (xml: string) => string): void {
  const entry = cfb.find(container, path)
  if (!entry?.content)
    throw new Error(`工作台账文件缺少 ${path}`)
  const bytes = edit(new TextDecoder().decode(Uint8Array.from(entry.content)))
  entry.content = new TextEncoder().encode(bytes)
  entry.size = entry.content.length
}

/** The .xlsx bytes `zip` (uncompressed, as written by XLSX.write) with its header row frozen and styled, compressed. */
export function freezeAndStyleHeader(cfb: Cfb, zip: Uint8Array): Uint8Array {
  const container = cfb.read(zip, { type: 'array' })
  let xf = -1
  editPart(cfb, container, STYLES, (xml) => {
    const styled = styleSheet(xml)
    xf = styled.xf
    return styled.xml
  })
  editPart(cfb, container, SHEET, xml => sheet(xml, xf))
  return Uint8Array.from(cfb.write(container, { fileType: 'zip', type: 'array', compression: true }))
}

import type { ChildNode, Document, Element } from 'domhandler'

/**
 * Zip containers and their XML parts (Office Open XML), shared by the .docx reader and the zip sniffing.
 * fflate and htmlparser2 are loaded on first use, so nothing loads until a zip file is read.
 */

export interface ZipEntries {
  /** Every entry name, as stored. */
  names: string[]
  /** Entry bytes by name, case-insensitively (OPC part names are case-insensitive). */
  read: (name: string) => Uint8Array | undefined
}

/** Unzips the entries `want` accepts (all names are listed either way); throws on a damaged or truncated zip. */
export async function unzip(bytes: Uint8Array, want: (name: string) => boolean = () => false): Promise<ZipEntries> {
  const { unzipSync } = await import('fflate')
  const names: string[] = []
  const files = unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name)
      return want(file.name.toLowerCase())
    },
  })
  const byLower = new Map(Object.entries(files).map(([name, data]) => [name.toLowerCase(), data]))
  return { names, read: name => byLower.get(name.toLowerCase()) }
}

/** XML text of a part: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xFF && bytes[1] === 0xFE)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xFE && bytes[1] === 0xFF)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  return new TextDecoder('utf-8').decode(bytes)
}

/** WordprocessingML's namespaces (transitional and strict): renamed to the `w:` prefix the reader matches on. */
const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
])

/** Parses an XML part; elements of the WordprocessingML namespace get the `w:` prefix whatever the file used. */
export async function parseXml(bytes: Uint8Array): Promise<Document> {
  const { parseDocument } = await import('htmlparser2')
  const doc = parseDocument(xmlText(bytes), { xmlMode: true })
  const root = doc.children.find((n): n is Element => n.type === 'tag')
  if (root) {
    const declared = Object.entries(root.attribs).find(([name, value]) => (name === 'xmlns' || name.startsWith('xmlns:')) && WORD_NAMESPACES.has(value))
    const prefix = declared ? (declared[0] === 'xmlns' ? '' : `${declared[0].slice(6)}:`) : 'w:'
    // Word itself writes `w:` (and strict files from Word do too): renaming is the rare case, done once per part.
    if (prefix !== 'w:')
      renamePrefix(doc.children, prefix)
  }
  return doc
}

function renamePrefix(nodes: ChildNode[], prefix: string): void {
  const rename = (name: string) => (prefix === '' ? (name.includes(':') ? name : `w:${name}`) : name.startsWith(prefix) ? `w:${name.slice(prefix.length)}` : name)
  for (const node of nodes) {
    if (node.type !== 'tag')
      continue
    node.name = rename(node.name)
    node.attribs = Object.fromEntries(Object.entries(node.attribs).map(([k, v]) => [k.startsWith('xmlns') ? k : rename(k), v]))
    renamePrefix(node.children, prefix)
  }
}

/** The element children of a node. */
export function elements(node: { children: ChildNode[] }): Element[] {
  return node.children.filter((n): n is Element => n.type === 'tag')
}

/** The first element child named `name`. */
export function child(node: { children: ChildNode[] }, name: string): Element | undefined {
  for (const n of node.children) {
    if (n.type === 'tag' && n.name === name)
      return n
  }
  return undefined
}

/** Every descendant element named `name`, in document order (not descending into matches). */
export function descendants(node: { children: ChildNode[] }, name: string, out: Element[] = []): Element[] {
  for (const n of node.children) {
    if (n.type !== 'tag')
      continue
    if (n.name === name)
      out.push(n)
    else
      descendants(n, name, out)
  }
  return out
}

/** An OOXML on/off property (`<w:vanish/>`, `w:val="0"`/`false`/`off` turn it off). */
export function isOn(el: Element | undefined, valName = 'w:val'): boolean {
  if (!el)
    return false
  const v = el.attribs[valName]
  return v === undefined || !/^(?:0|false|off)$/i.test(v)
}

/** The target of the first relationship of a type (by its last path segment) in a .rels part. */
export async function relationshipTarget(rels: Uint8Array | undefined, type: string): Promise<string | undefined> {
  if (!rels)
    return undefined
  const doc = await parseXml(rels)
  const rel = descendants(doc, 'Relationship').find(r => (r.attribs.Type ?? '').endsWith(`/${type}`))
  return rel?.attribs.Target
}

/** Resolves a relationship target against the folder of the part that holds it ("word/" + "styles.xml"). */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/'))
    return target.slice(1)
  const parts = base.split('/').slice(0, -1)
  for (const segment of target.split('/')) {
    if (segment === '..')
      parts.pop()
    else if (segment !== '.')
      parts.push(segment)
  }
  return parts.join('/')
}

import type { RefusalCode } from './refusals'

/** What the first bytes say a file is; zip and OLE containers are looked into by their own readers. */
export type Sniffed
  = | { kind: 'zip' }
    | { kind: 'pdf' }
    | { kind: 'ole' }
    | { kind: 'text' }
    | { kind: 'refuse', code: RefusalCode }

const startsWith = (bytes: Uint8Array, magic: number[], offset = 0) => magic.every((b, i) => bytes[offset + i] === b)
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end))

/** ISO base media (mp4, mov, m4a, 3gp, heic/avif): `ftyp` at offset 4, then the brand. */
function isoMedia(bytes: Uint8Array): RefusalCode | null {
  if (ascii(bytes, 4, 8) !== 'ftyp')
    return null
  return /^(?:heic|heix|hevc|heim|heis|mif1|msf1|avif|avis)$/.test(ascii(bytes, 8, 12)) ? 'image' : 'media'
}

/** Where `%PDF-` stands: PDF readers accept it anywhere in the first KiB (some writers put junk before it). */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - 5, 1024)
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2D)
      return i
  }
  return -1
}

/** Types a file by its first bytes (magic numbers); the extension plays no part. */
export function sniff(bytes: Uint8Array): Sniffed {
  const refuse = (code: RefusalCode): Sniffed => ({ kind: 'refuse', code })
  if (startsWith(bytes, [0x50, 0x4B, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4B, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4B, 0x07, 0x08]))
    return { kind: 'zip' }
  if (pdfHeaderOffset(bytes) >= 0)
    return { kind: 'pdf' }
  if (startsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
    return { kind: 'ole' }
  if (ascii(bytes, 0, 5) === '{\\rtf')
    return refuse('rtf')

  // Images.
  if (startsWith(bytes, [0x89, 0x50, 0x4E, 0x47]) || startsWith(bytes, [0xFF, 0xD8, 0xFF]) || ascii(bytes, 0, 4) === 'GIF8'
    || (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') || (ascii(bytes, 0, 2) === 'BM' && bytes.length > 26 && bytes[14]! <= 124 && bytes[15] === 0 && bytes[6] === 0 && bytes[7] === 0)
    || startsWith(bytes, [0x49, 0x49, 0x2A, 0x00]) || startsWith(bytes, [0x4D, 0x4D, 0x00, 0x2A]) || startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) {
    return refuse('image')
  }
  const iso = isoMedia(bytes)
  if (iso)
    return refuse(iso)
  // Audio and video: ID3/MPEG audio (frame sync bytes that a UTF-16 BOM FF FE can never be), WAV/AVI, Ogg, FLAC, Matroska/WebM, FLV, ASF/WMV, MPEG-PS.
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xFF && [0xFB, 0xFA, 0xF3, 0xF2, 0xE3, 0xE2].includes(bytes[1]!) && (bytes[2]! & 0xF0) !== 0xF0)
    || (ascii(bytes, 0, 4) === 'RIFF' && /^(?:WAVE|AVI )$/.test(ascii(bytes, 8, 12))) || ascii(bytes, 0, 4) === 'OggS' || ascii(bytes, 0, 4) === 'fLaC'
    || startsWith(bytes, [0x1A, 0x45, 0xDF, 0xA3]) || ascii(bytes, 0, 3) === 'FLV' || startsWith(bytes, [0x30, 0x26, 0xB2, 0x75]) || startsWith(bytes, [0x00, 0x00, 0x01, 0xBA])
    || ascii(bytes, 0, 6) === '#!AMR\n') {
    return refuse('media')
  }
  // Executables: Windows PE, ELF, Mach-O (32/64-bit, both byte orders and fat), Java class, WebAssembly.
  if (ascii(bytes, 0, 2) === 'MZ' || startsWith(bytes, [0x7F, 0x45, 0x4C, 0x46]) || startsWith(bytes, [0xFE, 0xED, 0xFA, 0xCE]) || startsWith(bytes, [0xFE, 0xED, 0xFA, 0xCF])
    || startsWith(bytes, [0xCE, 0xFA, 0xED, 0xFE]) || startsWith(bytes, [0xCF, 0xFA, 0xED, 0xFE]) || startsWith(bytes, [0xCA, 0xFE, 0xBA, 0xBE]) || startsWith(bytes, [0x00, 0x61, 0x73, 0x6D])) {
    return refuse('executable')
  }
  // Archives: RAR, 7z, gzip, bzip2, xz, zstd, tar (ustar at 257), Windows cabinet.
  if (ascii(bytes, 0, 4) === 'Rar!' || startsWith(bytes, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || startsWith(bytes, [0x1F, 0x8B]) || (ascii(bytes, 0, 3) === 'BZh' && bytes[3]! >= 0x31 && bytes[3]! <= 0x39)
    || startsWith(bytes, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || startsWith(bytes, [0x28, 0xB5, 0x2F, 0xFD]) || ascii(bytes, 257, 262) === 'ustar' || ascii(bytes, 0, 4) === 'MSCF') {
    return refuse('archive')
  }
  return { kind: 'text' }
}

/** The text at the start of a file as an ASCII-compatible view (or UTF-16 where a BOM says so), for markup sniffing. */
function headText(bytes: Uint8Array, limit: number): string {
  if (bytes[0] === 0xFF && bytes[1] === 0xFE)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2, limit))
  if (bytes[0] === 0xFE && bytes[1] === 0xFF)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2, limit))
  // latin1 keeps every byte as one char: tags and charset names are ASCII in every encoding we read.
  return new TextDecoder('latin1').decode(bytes.subarray(0, limit))
}

/** HTML by content: a doctype, an html/head/body/meta tag near the start, or a density of block tags. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = headText(bytes, 65536)
  const start = head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '').slice(0, 1024).toLowerCase()
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/.test(start))
    return true
  const tags = head.match(/<(?:p|div|br|span|td|tr|table|li|h[1-6]|a)[\s>/]/gi)?.length ?? 0
  const closers = head.match(/<\/(?:p|div|td|li|h[1-6]|span)>/gi)?.length ?? 0
  return tags >= 5 && closers >= 2
}

/** What a zip holds, by its entry names: a Word or Excel document, or a refusal for every other zip. */
export function zipKind(names: string[]): 'docx' | 'xlsx' | { refuse: RefusalCode } {
  const lower = new Set(names.map(n => n.toLowerCase().replace(/^\//, '')))
  const under = (folder: string) => [...lower].some(n => n.startsWith(folder))
  if (lower.has('word/document.xml') || (lower.has('_rels/.rels') && under('word/')))
    return 'docx'
  if (lower.has('xl/workbook.xml') || lower.has('xl/workbook.bin') || (lower.has('_rels/.rels') && under('xl/')))
    return 'xlsx'
  if (lower.has('ppt/presentation.xml') || under('ppt/slides/'))
    return { refuse: 'pptx' }
  if (lower.has('mimetype') && lower.has('content.xml'))
    return { refuse: 'odf' }
  if (lower.has('ofd.xml'))
    return { refuse: 'ofd' }
  return { refuse: 'archive' }
}

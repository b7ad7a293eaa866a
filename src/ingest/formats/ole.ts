import type { RefusalCode } from './refusals'

/**
 * OLE compound files (Office 97–2003, and encrypted Office 2007+ files, which are wrapped in one): the directory's
 * stream names tell a Word .doc from an Excel .xls, a .ppt, or an encrypted .docx/.xlsx, without any library.
 */

const END_OF_CHAIN = 0xFFFFFFFE
const MAX_SECTORS = 1 << 20

/** The stream and storage names in a compound file's directory; empty when the structure is unreadable. */
export function oleEntryNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512)
    return []
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const shift = view.getUint16(0x1E, true)
  if (shift !== 9 && shift !== 12)
    return []
  const size = 1 << shift
  const sector = (n: number) => (n + 1) * size
  const u32 = (offset: number) => (offset + 4 <= bytes.length ? view.getUint32(offset, true) : END_OF_CHAIN)

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = []
  for (let i = 0; i < 109; i++)
    fatSectors.push(u32(0x4C + i * 4))
  let difat = u32(0x44)
  for (let guard = 0; difat < END_OF_CHAIN - 1 && guard < 4096; guard++) {
    const at = sector(difat)
    for (let i = 0; i < size / 4 - 1; i++)
      fatSectors.push(u32(at + i * 4))
    difat = u32(at + size - 4)
  }
  const next = (n: number): number => {
    const perSector = size / 4
    const fatSector = fatSectors[Math.floor(n / perSector)]
    return fatSector === undefined || fatSector >= END_OF_CHAIN - 1 ? END_OF_CHAIN : u32(sector(fatSector) + (n % perSector) * 4)
  }

  const names: string[] = []
  const seen = new Set<number>()
  for (let dir = u32(0x30); dir < END_OF_CHAIN - 1 && !seen.has(dir) && seen.size < MAX_SECTORS; dir = next(dir)) {
    seen.add(dir)
    const at = sector(dir)
    if (at + size > bytes.length)
      break
    for (let entry = at; entry < at + size; entry += 128) {
      const length = view.getUint16(entry + 0x40, true)
      const type = bytes[entry + 0x42]
      if (length < 2 || length > 64 || (type !== 1 && type !== 2 && type !== 5))
        continue
      names.push(new TextDecoder('utf-16le').decode(bytes.subarray(entry, entry + length - 2)))
    }
  }
  return names
}

/** Whether the UTF-16LE bytes of a stream name occur anywhere: found where the directory chain itself is damaged. */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2)
  for (let i = 0; i < name.length; i++)
    needle[i * 2] = name.charCodeAt(i)
  const matchesAt = (i: number) => needle.every((b, j) => bytes[i + j] === b)
  for (let i = bytes.indexOf(needle[0]!); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0]!, i + 1)) {
    if (matchesAt(i))
      return true
  }
  return false
}

/** What a compound file is: an .xls to read, or the refusal for a .doc, .ppt, encrypted or unknown one. */
export function oleKind(bytes: Uint8Array): 'xls' | { refuse: RefusalCode } {
  let names = new Set(oleEntryNames(bytes))
  if (names.size === 0) {
    // A truncated file may still hold its directory sector: look for the names the kinds are told by.
    names = new Set(['EncryptedPackage', 'WordDocument', 'Workbook', 'Book', 'PowerPoint Document'].filter(n => containsUtf16(bytes, n)))
    if (names.size === 0)
      return { refuse: 'damaged-office' }
  }
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo'))
    return { refuse: 'office-encrypted' }
  if (names.has('WordDocument'))
    return { refuse: 'doc-legacy' }
  if (names.has('Workbook') || names.has('Book') || names.has('WORKBOOK') || names.has('BOOK'))
    return 'xls'
  if (names.has('PowerPoint Document'))
    return { refuse: 'ppt-legacy' }
  return { refuse: 'office-unknown' }
}

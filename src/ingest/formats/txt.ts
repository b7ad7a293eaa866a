import type { BlockDocument } from '../blocks'
import { decodeDocument } from '../decode'

/** Plain text (UTF-8/16, GBK/GB18030): one paragraph block per line. */
export function readText(bytes: Uint8Array, source: string): BlockDocument {
  const decoded = decodeDocument(bytes, source)
  if (decoded.text === null)
    return { source, format: null, blocks: [], diagnostics: decoded.diagnostics }
  return {
    source,
    format: 'txt',
    blocks: decoded.text.split(/\r\n?|\n/).map(text => ({ kind: 'paragraph' as const, text })),
    diagnostics: decoded.diagnostics,
  }
}

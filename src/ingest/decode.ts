import type { Diagnostic } from './diagnostics'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodeResult {
  /** The decoded text, or null when the bytes are not a readable text document. */
  text: string | null
  encoding: TextEncodingName | null
  diagnostics: Diagnostic[]
}

const CJK = /[\u3400-\u9FFF]/g

function cjkRatio(text: string): number {
  const sample = text.slice(0, 20000)
  const visible = sample.replace(/\s/g, '').length
  return visible === 0 ? 0 : (sample.match(CJK)?.length ?? 0) / visible
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  }
  catch {
    return null
  }
}

/** Share of control characters (other than tab/newline/CR/form feed) in a sample: high means binary. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192)
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b < 0x20 && b !== 0x09 && b !== 0x0A && b !== 0x0D && b !== 0x0C)
      control++
  }
  return n === 0 ? 0 : control / n
}

/** Decodes a document's bytes: BOMs, UTF-8, UTF-16 and GBK/GB18030; refuses empty and binary input with a clear diagnostic. */
export function decodeDocument(bytes: Uint8Array, source?: string): DecodeResult {
  const fail = (code: string, message: string): DecodeResult =>
    ({ text: null, encoding: null, diagnostics: [{ level: 'error', code, message, source }] })

  if (bytes.length === 0)
    return fail('empty', 'the file is empty')

  if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF)
    return finish(tryDecode(bytes.subarray(3), 'utf-8'), 'utf-8')
  if (bytes[0] === 0xFF && bytes[1] === 0xFE)
    return finish(tryDecode(bytes.subarray(2), 'utf-16le'), 'utf-16le')
  if (bytes[0] === 0xFE && bytes[1] === 0xFF)
    return finish(tryDecode(bytes.subarray(2), 'utf-16be'), 'utf-16be')

  if (controlRatio(bytes) > 0.05)
    return fail('binary', 'the file looks binary (control bytes), not a text document')

  const utf8 = tryDecode(bytes, 'utf-8')
  if (utf8 !== null)
    return finish(utf8, 'utf-8')

  const gb = tryDecode(bytes, 'gb18030')
  if (gb !== null && cjkRatio(gb) > 0.3) {
    const result = finish(gb, 'gb18030')
    result.diagnostics.push({ level: 'info', code: 'encoding-gb18030', message: 'decoded as GBK/GB18030', source })
    return result
  }
  return fail('unknown-encoding', 'unknown text encoding: not UTF-8, UTF-16 or GBK/GB18030')

  function finish(text: string | null, encoding: TextEncodingName): DecodeResult {
    if (text === null)
      return fail('unknown-encoding', `the file starts with a ${encoding} byte-order mark but does not decode as ${encoding}`)
    if (text.trim() === '')
      return fail('empty', 'the file holds only white space')
    if (controlRatio(new TextEncoder().encode(text.slice(0, 8192))) > 0.05)
      return fail('binary', 'the file looks binary (control characters), not a text document')
    return { text, encoding, diagnostics: [] }
  }
}

import type { Diagnostic } from '../diagnostics'
import { decodeDocument } from '../decode'
import { withChineseWords } from './refusals'

/** The charset a page declares near its start: `<meta charset>`, an http-equiv content type, or an XML declaration. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Tag and charset names are ASCII in every encoding a page can declare (UTF-16 pages carry a BOM instead).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const meta = /<meta[^>]+charset\s*=\s*(?:["']\s*)?([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return meta ? meta[1]!.toLowerCase() : null
}

/** Labels a page may use for the GBK family: GB18030 decodes them all (it is their superset). */
const GBK_FAMILY = /^(?:gb2312|gbk|x-gbk|gb18030|cp936|ms936|windows-936|gb_2312(?:-80)?|csgb2312|chinese|iso-ir-58|euc-cn|x-euc-cn|hz-gb-2312)$/

function strictDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  }
  catch {
    return null
  }
}

function lenientDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label).decode(bytes)
  }
  catch {
    return null
  }
}

export interface DecodedPage {
  text: string | null
  diagnostics: Diagnostic[]
}

/**
 * Decodes a saved page: a byte-order mark first, then the declared charset (GBK family read as GB18030), then
 * the text decoder's own sniffing. A page that declares GBK but is valid UTF-8 (a common mislabel after a site
 * moved to UTF-8) is read as UTF-8, and the reverse too.
 */
export function decodePage(bytes: Uint8Array, source: string): DecodedPage {
  const hasBom = (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) || (bytes[0] === 0xFF && bytes[1] === 0xFE) || (bytes[0] === 0xFE && bytes[1] === 0xFF)
  const declared = hasBom ? null : declaredCharset(bytes)
  if (declared) {
    const gbk = GBK_FAMILY.test(declared)
    const label = gbk ? 'gb18030' : declared
    const utf8 = strictDecode(bytes, 'utf-8')
    // Valid UTF-8 holding non-ASCII text is almost never GBK text by chance.
    if (gbk && utf8 !== null && /[\u0080-\uFFFF]/.test(utf8))
      return { text: utf8, diagnostics: [{ level: 'info', code: 'charset-mislabelled', source, message: `the page declares ${declared} but is UTF-8; read as UTF-8`, zh: `网页声明的编码是 ${declared}，实际为 UTF-8，已按 UTF-8 读取` }] }
    if (label === 'utf-8' || label === 'utf8') {
      if (utf8 !== null)
        return { text: utf8, diagnostics: [] }
    }
    const text = label === 'utf-8' || label === 'utf8' ? null : strictDecode(bytes, label)
    if (text !== null)
      return { text, diagnostics: [] }
    // A few stray bytes (a page cut and pasted from elsewhere) should not lose the page: accept them as �.
    const lenient = lenientDecode(bytes, label)
    if (lenient !== null && (lenient.match(/\uFFFD/g)?.length ?? 0) <= Math.max(3, lenient.length * 0.002))
      return { text: lenient, diagnostics: [{ level: 'warning', code: 'charset-invalid-bytes', source, message: `some bytes are not valid ${declared}; they were replaced`, zh: `网页中有少量字符不符合其声明的编码（${declared}），已替换为 �` }] }
  }
  const decoded = decodeDocument(bytes, source)
  return { text: decoded.text, diagnostics: withChineseWords(decoded.diagnostics) }
}

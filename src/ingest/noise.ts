/**
 * Removes what web pages and mirrors leave in a plan's text before it is read: HTML tags and their remnants
 * ("/div>", "&nbsp;"), pinyin annotations after characters (公開(kāi)), runs of ? from a broken encoding, and
 * the replacement character. Returns the cleaned text and how many repairs it made.
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', ensp: ' ', emsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·', times: '×' }
const TAG_NAMES = 'abbr|br|center|div|em|font|h[1-6]|hr|img|li|ol|section|article|span|strong|sub|sup|table|tbody|td|th|thead|tr|ul|[abipu]'
// A whole tag, or the half a mirror or a copy left behind: "</div>", "/div>", "div>", "<span style=…", "<br".
const TAG = new RegExp(`<\\/?[a-z][^<>\\n]{0,300}>|<!--[\\s\\S]{0,500}?-->|<\\/?(?:${TAG_NAMES})\\b[^<>\\n\\u4E00-\\u9FA5]{0,200}|\\/?\\b(?:${TAG_NAMES})\\s*\\/?>`, 'gi')
// A pinyin syllable with a tone mark (or a tone digit) in brackets right after a character: 公開(kāi), 行(xíng).
const PINYIN = /([\u4E00-\u9FA5])[(（]([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,6}|[a-zü]{1,6}[1-5])[)）]/g
const QUESTION_RUN = /[?？]{3,}|\uFFFD+/g

function decodeEntity(whole: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return Number.isInteger(code) && code > 0 && code < 0x110000 && (code < 0xD800 || code > 0xDFFF) ? String.fromCodePoint(code) : ''
  }
  return ENTITIES[name.toLowerCase()] ?? whole
}

/** Cleans web and encoding debris out of a document's text. */
export function removeNoise(text: string): { text: string, repairs: number } {
  let repairs = 0
  const count = (replacement: string | ((...args: string[]) => string)) => (...args: string[]) => {
    repairs++
    return typeof replacement === 'string' ? replacement : replacement(...args)
  }
  const out = text
    .replace(TAG, count(''))
    .replace(/&(#x?[0-9a-f]{1,6}|[a-z]{2,8});?/gi, count((whole, name) => decodeEntity(whole!, name!)))
    .replace(PINYIN, count((_w, ch) => ch!))
    .replace(QUESTION_RUN, count(''))
  return { text: out, repairs }
}

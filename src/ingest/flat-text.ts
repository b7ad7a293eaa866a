/**
 * A document joined into one string, because published text breaks lines anywhere (PDF export) or nowhere
 * (scrapes flattened to one line). Former line starts are kept as hints for the segmenter.
 */
export interface FlatText {
  text: string
  /** lineStart[i] is true when position i began a line in the normalized text. */
  lineStart: Uint8Array
  /** inBook[i] is true inside 《…》 or 〈…〉: titles there are citations, never headings. */
  inBook: Uint8Array
}

const ASCII_WORD = /[A-Z]/i

/** Joins normalized lines into one string; only two Latin letters meeting across a break keep a space. */
export function flatten(normalized: string): FlatText {
  const parts: string[] = []
  const starts: number[] = []
  let length = 0
  let last = ''
  // Parts are joined once at the end: reading the last character of a growing string would flatten it each time.
  for (const line of normalized.split('\n')) {
    if (length > 0 && ASCII_WORD.test(last) && ASCII_WORD.test(line[0] ?? '')) {
      parts.push(' ')
      length++
    }
    starts.push(length)
    parts.push(line)
    length += line.length
    if (line !== '')
      last = line.at(-1)!
  }
  const text = parts.join('')
  const lineStart = new Uint8Array(text.length + 1)
  for (const s of starts)
    lineStart[s] = 1
  return { text, lineStart, inBook: markBookTitles(text) }
}

/** Marks 《…》 and 〈…〉 spans; an opener without a closer within reach is treated as stray, not as a span. */
function markBookTitles(text: string): Uint8Array {
  const inBook = new Uint8Array(text.length + 1)
  const pairs: Array<[string, string]> = [['《', '》'], ['〈', '〉']]
  for (const [open, close] of pairs) {
    let from = 0
    for (;;) {
      const start = text.indexOf(open, from)
      if (start < 0)
        break
      const end = text.indexOf(close, start + 1)
      if (end < 0 || end - start > 160) {
        from = start + 1
        continue
      }
      inBook.fill(1, start, end + 1)
      from = end + 1
    }
  }
  return inBook
}

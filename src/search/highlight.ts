/** Pieces of a text, marked where a search matched (spans are flattened [start, end) pairs, sorted, disjoint). */
export interface TextPiece {
  text: string
  mark: boolean
}

export function splitBySpans(text: string, spans: readonly number[]): TextPiece[] {
  const pieces: TextPiece[] = []
  let at = 0
  for (let k = 0; k + 1 < spans.length; k += 2) {
    const start = Math.max(at, Math.min(spans[k]!, text.length))
    const end = Math.min(spans[k + 1]!, text.length)
    if (end <= start)
      continue
    if (start > at)
      pieces.push({ text: text.slice(at, start), mark: false })
    pieces.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < text.length)
    pieces.push({ text: text.slice(at), mark: false })
  return pieces
}

/**
 * The part of a long text around its first match, with the spans moved to fit: a body hit shows the words around
 * it, not the body's first line. An ellipsis marks what was cut.
 */
export function snippet(text: string, spans: readonly number[], before = 16, length = 60): { text: string, spans: number[] } {
  if (spans.length < 2 || text.length <= length)
    return { text, spans: [...spans] }
  const from = Math.max(0, spans[0]! - before)
  const to = Math.min(text.length, from + length)
  const lead = from > 0 ? '…' : ''
  const shift = lead.length - from
  const kept: number[] = []
  for (let k = 0; k + 1 < spans.length; k += 2) {
    if (spans[k]! >= to)
      break
    kept.push(spans[k]! + shift, Math.min(spans[k + 1]!, to) + shift)
  }
  return { text: lead + text.slice(from, to) + (to < text.length ? '…' : ''), spans: kept }
}

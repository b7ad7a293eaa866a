/** The content codings this server sends, in its order of preference (brotli is the smaller). */
export const CODINGS = ['br', 'gzip'] as const
export type Coding = typeof CODINGS[number]
export type Choice = Coding | 'identity'

/** Weights (q-values) by lower-case coding name; malformed entries are dropped, as RFC 9110 §12.5.3 lets us. */
function weights(header: string): Map<string, number> {
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map(s => s.trim())
    if (!name)
      continue
    let weight = 1
    for (const param of params) {
      const m = /^q\s*=\s*(\S+)$/i.exec(param)
      if (m)
        weight = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : Number.NaN
    }
    if (!Number.isNaN(weight))
      q.set(name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase(), weight)
  }
  return q
}

/**
 * The coding to answer with, among those `available` for this response. No Accept-Encoding header means
 * identity (what clients that send none expect, though the RFC would allow any); otherwise the highest q-value
 * wins and ties go to the smaller coding. Identity competes only with the weight the header gives it (by name or
 * `*`): left unnamed it is merely acceptable, the fallback. When nothing acceptable is available the answer is
 * identity rather than a 406: every client can read it.
 */
export function chooseCoding(header: string | undefined, available: readonly Coding[]): Choice {
  if (header === undefined)
    return 'identity'
  const q = weights(header)
  const star = q.get('*')
  let best: Choice = 'identity'
  let bestQ = q.get('identity') ?? star ?? 0
  for (const coding of CODINGS) {
    const w = q.get(coding) ?? star ?? 0
    // Strictly better, or as good as identity: compressed wins the tie with identity.
    if (available.includes(coding) && w > 0 && (w > bestQ || (w === bestQ && best === 'identity')))
      [best, bestQ] = [coding, w]
  }
  return best
}

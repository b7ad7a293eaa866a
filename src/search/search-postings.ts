/**
 * Bigram postings for the search index: for each pair of adjacent characters (as one integer), the ascending
 * ids of the docs whose text contains it. A term's candidates are the docs holding all its bigrams; they are
 * then verified exactly, so the postings only ever narrow the work, never decide a match.
 */
export class BigramPostings {
  private building: Map<number, number[]> | null = new Map()
  private readonly postings = new Map<number, Int32Array>()

  /** Adds doc `id` (ids must be added in ascending order) under the first `count` of `codes`. */
  add(id: number, codes: ArrayLike<number>, count: number = codes.length): void {
    const map = this.building!
    for (let k = 0; k < count; k++) {
      const code = codes[k]!
      const list = map.get(code)
      if (list === undefined)
        map.set(code, [id])
      else if (list[list.length - 1] !== id)
        list.push(id)
    }
  }

  /** Packs the lists into typed arrays; no more docs can be added. */
  seal(): void {
    for (const [code, list] of this.building!)
      this.postings.set(code, Int32Array.from(list))
    this.building = null
  }

  /**
   * Docs holding every one of `codes`, ascending; null when the term has no bigram (one character), which
   * means every doc is a candidate. `scratch` is a per-index counter array reused between queries.
   */
  candidates(codes: number[], scratch: Uint16Array): Int32Array | null {
    if (codes.length === 0)
      return null
    const lists: Int32Array[] = []
    for (const code of new Set(codes)) {
      const list = this.postings.get(code)
      if (!list)
        return new Int32Array(0)
      lists.push(list)
    }
    lists.sort((a, b) => a.length - b.length)
    if (lists.length === 1)
      return lists[0]!
    // Count hits per doc over the other lists, but only for docs in the shortest list.
    const shortest = lists[0]!
    for (const id of shortest)
      scratch[id] = 1
    for (let l = 1; l < lists.length; l++) {
      for (const id of lists[l]!) {
        if (scratch[id] === l)
          scratch[id] = l + 1
      }
    }
    const out: number[] = []
    for (const id of shortest) {
      if (scratch[id] === lists.length)
        out.push(id)
      scratch[id] = 0
    }
    return Int32Array.from(out)
  }
}

/** Docs by the first character of a text (either reading for initials): candidates for "starts with" tiers. */
export class FirstCharPostings {
  private readonly lists = new Map<number, number[]>()

  add(id: number, ...firstChars: Array<string | null>): void {
    for (const text of new Set(firstChars.filter((t): t is string => !!t)))
      this.push(text.charCodeAt(0), id)
  }

  private push(code: number, id: number): void {
    const list = this.lists.get(code)
    if (list === undefined)
      this.lists.set(code, [id])
    else if (list[list.length - 1] !== id)
      list.push(id)
  }

  candidates(term: string): Int32Array {
    return Int32Array.from(this.lists.get(term.charCodeAt(0)) ?? [])
  }
}

/**
 * Two UTF-16 units folded into a small integer key. Kept within V8's small-integer range so the postings map
 * hashes fast; the rare collision only adds candidates, which the exact check then drops.
 */
export function pairCode(a: number, b: number): number {
  return (a * 40503 + b) & 0x3FFFFFFF
}

/**
 * Writes the bigram codes of `text` into `out` (at least text.length long) and returns how many: indexing 100,000
 * points this way makes no array per text, which the garbage collector otherwise spends seconds on.
 */
export function bigramCodesInto(text: string, out: Int32Array): number {
  for (let i = 0; i + 1 < text.length; i++)
    out[i] = pairCode(text.charCodeAt(i), text.charCodeAt(i + 1))
  return Math.max(0, text.length - 1)
}

/** The bigram codes of a text. */
export function bigramCodes(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < text.length; i++)
    out.push(pairCode(text.charCodeAt(i), text.charCodeAt(i + 1)))
  return out
}

/** Ids in both ascending lists, ascending. */
export function intersectSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) {
      i++
    }
    else if (a[i]! > b[j]!) {
      j++
    }
    else {
      out.push(a[i]!)
      i++
      j++
    }
  }
  return Int32Array.from(out)
}

/** Ids in any of the ascending lists, ascending and without repeats. */
export function unionSorted(lists: Int32Array[]): Int32Array {
  const nonEmpty = lists.filter(l => l.length > 0)
  if (nonEmpty.length <= 1)
    return nonEmpty[0] ?? new Int32Array(0)
  const all = new Int32Array(nonEmpty.reduce((n, l) => n + l.length, 0))
  let at = 0
  for (const l of nonEmpty) {
    all.set(l, at)
    at += l.length
  }
  all.sort()
  let n = 0
  for (let k = 0; k < all.length; k++) {
    if (k === 0 || all[k] !== all[k - 1])
      all[n++] = all[k]!
  }
  return all.slice(0, n)
}

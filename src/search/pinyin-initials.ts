import type { Initials } from './search-index'
import { pinyin } from 'pinyin-pro'

// Per-character cache: whole-string conversion cost ~5 s for 100k titles; characters repeat
// so much that a cache does it in a fraction of that. Word context is lost, so each character
// keeps a second reading's initial too (长: c/z, 行: x/h) and both readings match.
const cache = new Map<string, readonly [string, string]>()
const HAN = /\p{Script=Han}/u

function charInitials(ch: string): readonly [string, string] {
  let hit = cache.get(ch)
  if (!hit) {
    if (HAN.test(ch)) {
      const all = pinyin(ch, { pattern: 'first', toneType: 'none', multiple: true, type: 'array' }).map(s => s.toLowerCase())
      const primary = all[0] || ch
      hit = [primary, all.find(s => s !== primary) ?? primary]
    }
    else {
      hit = [ch, ch]
    }
    cache.set(ch, hit)
  }
  return hit
}

/** Pinyin initials per character ("一件事" → "yjs"), with another reading's initial for polyphones; other characters pass through. */
export function pinyinInitials(text: string): Initials {
  let primary = ''
  let alt = ''
  for (const ch of text) {
    const [p, a] = charInitials(ch)
    primary += p
    alt += a
  }
  return { primary, alt }
}

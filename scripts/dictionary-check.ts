/**
 * pinyin-pro's dictionary must stay out of everything a phone loads up front: the page, the search worker and the
 * precache. Only the import worker's chunks (assets/import/, fetched on demand) may hold it, since the import makes
 * plan data and so writes its word pinyin. Its tables are toned syllables (zhōng, xiáng …) by the thousand; the app's
 * own code and text hold none.
 */
const TONED_SYLLABLE = /[a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*/g
/** Distinct toned syllables above which a file is taken for a dictionary (pinyin-pro has well over a thousand). */
export const DICTIONARY_SYLLABLES = 100

export function looksLikePinyinDictionary(code: string): boolean {
  const seen = new Set<string>()
  for (const [syllable] of code.matchAll(TONED_SYLLABLE)) {
    seen.add(syllable)
    if (seen.size > DICTIONARY_SYLLABLES)
      return true
  }
  return false
}

type BundleEntry = { type: 'chunk', code: string } | { type: 'asset', source: string | Uint8Array }

/** Files of a Rollup bundle, outside `allowedDir`, that carry a pinyin dictionary. */
export function filesWithDictionary(bundle: Record<string, BundleEntry>, allowedDir: string): string[] {
  const decoder = new TextDecoder()
  return Object.entries(bundle).filter(([name, entry]) => {
    if (name.startsWith(`${allowedDir}/`) || !/\.(?:m?js|json|html)$/.test(name))
      return false
    const text = entry.type === 'chunk' ? entry.code : typeof entry.source === 'string' ? entry.source : decoder.decode(entry.source)
    return looksLikePinyinDictionary(text)
  }).map(([name]) => name).sort()
}

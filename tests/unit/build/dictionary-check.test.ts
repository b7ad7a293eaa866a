import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { filesWithDictionary, looksLikePinyinDictionary } from '../../../scripts/dictionary-check'

const require = createRequire(import.meta.url)
const pinyinPro = readFileSync(require.resolve('pinyin-pro'), 'utf8')
const own = ['src/search/pinyin-data.ts', 'src/search/search-index.ts', 'src/ingest/themes.json', 'src/pages/HomePage.vue']
  .map(path => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'))

describe('pinyin dictionary build check', () => {
  it('recognises pinyin-pro itself and none of the app\'s own code or text', () => {
    expect(looksLikePinyinDictionary(pinyinPro)).toBe(true)
    for (const code of own)
      expect(looksLikePinyinDictionary(code)).toBe(false)
    expect(looksLikePinyinDictionary('一网通办 yī wǎng tōng bàn')).toBe(false)
  })

  it('names the bundle files outside assets/import/ that carry it, chunks and emitted worker assets alike', () => {
    const bundle = {
      'assets/index-a.js': { type: 'chunk' as const, code: own[1]! },
      'assets/search-worker-b.js': { type: 'asset' as const, source: new TextEncoder().encode(pinyinPro) },
      'assets/build-index-c.js': { type: 'chunk' as const, code: pinyinPro },
      'assets/import/import-worker-d.js': { type: 'asset' as const, source: pinyinPro },
      'assets/index-e.css': { type: 'asset' as const, source: pinyinPro },
    }
    expect(filesWithDictionary(bundle, 'assets/import')).toEqual(['assets/build-index-c.js', 'assets/search-worker-b.js'])
  })
})

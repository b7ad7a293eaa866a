import type { OutputAsset, OutputBundle, OutputChunk } from 'rollup'
import { describe, expect, it } from 'vitest'
import { forbiddenCss, forbiddenModules, guardedChunks, importPath, packageOf } from '../../../scripts/vite-plugin-bundle-guard'

function chunk(fileName: string, modules: string[], imports: string[] = [], isEntry = false): OutputChunk {
  return { type: 'chunk', fileName, isEntry, imports, modules: Object.fromEntries(modules.map(id => [id, { renderedLength: 10 }])) } as unknown as OutputChunk
}
const css = (fileName: string, source: string) => ({ type: 'asset', fileName, source }) as unknown as OutputAsset

const bundle: OutputBundle = {
  'index.js': chunk('index.js', ['/app/src/main.ts', '/app/node_modules/vue/index.js'], ['shared.js'], true),
  'shared.js': chunk('shared.js', ['/app/node_modules/dexie/dist/dexie.mjs']),
  'lazy.js': chunk('lazy.js', ['/app/node_modules/zod/v4/core/util.js', '/app/node_modules/@vue/shared/index.js']),
  'index.css': css('index.css', '.a{color:red}'),
  'lazy.css': css('lazy.css', '@font-face{font-family:vant-icon;src:url(data:font/woff2;base64,AA)}'),
}

describe('bundle guard', () => {
  it('finds the first-load chunks: entries and their static imports, not lazy chunks', () => {
    expect(guardedChunks(bundle, 'first-load').map(c => c.fileName).sort()).toEqual(['index.js', 'shared.js'])
    expect(guardedChunks(bundle, 'all')).toHaveLength(3)
  })

  it('names the package of a module, scoped or not', () => {
    expect(packageOf('/app/node_modules/zod/v4/core/util.js')).toBe('zod')
    expect(packageOf('C:\\app\\node_modules\\@vue\\shared\\index.js')).toBe('@vue/shared')
    expect(packageOf('/app/src/main.ts')).toBeUndefined()
  })

  it('reports forbidden packages only where they are', () => {
    expect(forbiddenModules(guardedChunks(bundle, 'first-load'), ['zod'])).toEqual([])
    expect(forbiddenModules(guardedChunks(bundle, 'all'), ['zod'])).toEqual(['lazy.js: /app/node_modules/zod/v4/core/util.js'])
  })

  it('reports stylesheets holding a forbidden pattern', () => {
    expect(forbiddenCss(bundle, [/@font-face\s*\{[^}]*vant-icon/, /data:font/])).toEqual(['lazy.css: /@font-face\\s*\\{[^}]*vant-icon/', 'lazy.css: /data:font/'])
  })

  it('traces the shortest import path from an entry to a module', () => {
    const graph: Record<string, string[]> = { main: ['a', 'b'], a: ['c'], b: ['zod'], c: ['zod'] }
    expect(importPath('zod', ['main'], id => graph[id] ?? [])).toEqual(['main', 'b', 'zod'])
    expect(importPath('nowhere', ['main'], id => graph[id] ?? [])).toEqual([])
  })
})

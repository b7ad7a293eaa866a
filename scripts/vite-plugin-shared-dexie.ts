import type { Plugin, UserConfig } from 'vite'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * One Dexie file for the page, its module workers and the service worker.
 *
 * The service worker is a classic script (module service workers are not everywhere yet), so it cannot import the
 * page's ES chunk: it carried a second copy of Dexie, 28 KB of every first visit. Dexie's UMD build runs both ways:
 * `importScripts()` in the service worker and a side-effect `import` in the page and its workers each set
 * `globalThis.Dexie`. The build emits it once under a content-hashed name; `import Dexie from 'dexie'` resolves to a
 * shim that reads the global. The first visit then downloads it once: the service worker's importScripts and the
 * precache both find the page's copy in the HTTP cache (hashed names are served immutable).
 *
 * Dev server and tests keep the npm module as it is.
 */
const require = createRequire(import.meta.url)
const SHIM_ID = '\0yaodiantong:shared-dexie'

/** The shim's module id, for manualChunks. */
export const isSharedDexieShim = (id: string) => id === SHIM_ID

interface SharedDexieFile { fileName: string, source: string }

function dexieFile(): SharedDexieFile {
  const source = readFileSync(require.resolve('dexie/dist/dexie.min.js'), 'utf8')
  // The precache takes names of this shape as revisioned already (vite.config.ts, dontCacheBustURLsMatching).
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
  return { fileName: `assets/dexie-${hash}.js`, source }
}

const globalRead = `const Dexie = globalThis.Dexie
if (!Dexie)
  throw new Error('Dexie did not load')
export default Dexie
export { Dexie }
export const liveQuery = Dexie.liveQuery
`

/** The page's build: emits the file, points `dexie` at it, and preloads it with the chunks that import it. */
export function sharedDexie(): Plugin {
  const file = dexieFile()
  let url = ''
  let enabled = false
  // The chunks whose code imports the file: a dynamic import of one of them preloads the file alongside.
  const importers = new Set<string>()
  return {
    name: 'yaodiantong:shared-dexie',
    enforce: 'pre',
    config(): UserConfig {
      return {
        build: {
          modulePreload: {
            resolveDependencies: (_filename, deps) => (deps.some(dep => importers.has(dep)) ? [...deps, file.fileName] : deps),
          },
        },
      }
    },
    configResolved(config) {
      enabled = config.command === 'build' && !config.build.ssr
      url = `${config.base}${file.fileName}`
    },
    resolveId(id) {
      if (!enabled || this.environment?.config.consumer === 'server')
        return undefined
      if (id === 'dexie')
        return SHIM_ID
      if (id === url)
        return { id, external: true }
      return undefined
    },
    load(id) {
      return id === SHIM_ID ? `import ${JSON.stringify(url)}\n${globalRead}` : undefined
    },
    generateBundle: {
      // Before Vite's own step that writes the preload lists.
      order: 'pre',
      handler(_options, bundle) {
        if (!enabled)
          return
        importers.clear()
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.imports.includes(url))
            importers.add(chunk.fileName)
        }
        this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source })
      },
    },
  }
}

/** The service worker's build: `dexie` is the same file, loaded with importScripts when the worker starts. */
export function sharedDexieInServiceWorker(base = '/'): Plugin {
  const url = `${base}${dexieFile().fileName}`
  return {
    name: 'yaodiantong:shared-dexie-sw',
    enforce: 'pre',
    resolveId(id) {
      return id === 'dexie' ? SHIM_ID : undefined
    },
    load(id) {
      // Top level of the worker's script: importScripts is only allowed while it first runs.
      return id === SHIM_ID ? `importScripts(${JSON.stringify(url)})\n${globalRead}` : undefined
    },
  }
}

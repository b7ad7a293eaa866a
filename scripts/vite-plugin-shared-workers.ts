import type { Plugin } from 'vite'
import { fileURLToPath } from 'node:url'

/**
 * The app's own module workers (search, plan-data) built as entries of the app's build, not as separate worker
 * bundles: they then import the same Dexie and db chunks the page loads, so a first visit downloads Dexie once
 * instead of once per worker. `virtual:worker-urls` names each worker's final URL.
 *
 * Vite's `new Worker(new URL(…))` would bundle each worker on its own (with its own copy of every dependency),
 * which is right for the import worker — it carries the format libraries and stays out of the precache — but not
 * for workers that share most of their code with the page.
 */
export const SHARED_WORKERS = {
  searchWorkerUrl: 'src/search/search-worker.ts',
  planDataWorkerUrl: 'src/db/plan-data-worker.ts',
} as const

const VIRTUAL_ID = 'virtual:worker-urls'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const root = fileURLToPath(new URL('..', import.meta.url))

/** `emit: false` for builds that start no workers (the service worker's): the names are then empty. */
export function sharedWorkers({ emit = true } = {}): Plugin {
  let serve = false
  const refs = new Map<string, string>()
  return {
    name: 'yaodiantong:shared-workers',
    configResolved(config) {
      serve = config.command === 'serve'
    },
    buildStart() {
      refs.clear()
      // The SSR prerender and the service worker start no workers; their builds need only the names.
      if (serve || !emit || this.environment?.config.consumer === 'server')
        return
      for (const [name, file] of Object.entries(SHARED_WORKERS)) {
        const chunkName = file.replace(/^.*\//, '').replace(/\.ts$/, '')
        // The server sends its Content-Security-Policy with scripts named *worker* (server/http/security-headers.ts).
        if (!chunkName.includes('worker'))
          this.error(`worker entry ${file}: its name must contain "worker"`)
        refs.set(name, this.emitFile({ type: 'chunk', id: `${root}${file}`, name: chunkName }))
      }
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID)
        return undefined
      return Object.entries(SHARED_WORKERS).map(([name, file]) => {
        const ref = refs.get(name)
        // Dev server and tests: Vite serves the worker's source as a module. The SSR prerender: no URL at all.
        const url = ref ? `import.meta.ROLLUP_FILE_URL_${ref}` : serve ? `new URL(${JSON.stringify(`/${file}`)}, import.meta.url).href` : '""'
        return `export const ${name} = ${url}\n`
      }).join('')
    },
  }
}

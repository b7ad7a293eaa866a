import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { build } from 'vite'
import { planDataPlugin } from '../vite-plugin-plan-data'
import { sharedWorkers } from '../vite-plugin-shared-workers'

const SRC = fileURLToPath(new URL('../../src', import.meta.url))
const ENTRY = join(SRC, 'prerender/entry-server.ts')
// Screens other than 首页 load on demand and are never rendered here: left out of the server bundle.
const LAZY_PAGE = /\/pages\/(?!HomePage\.vue$)\w+\.vue$/

/**
 * Renders 首页 with Vue's server renderer: a Vite SSR build of src/prerender/entry-server.ts, run once and deleted.
 * The Vue plugin runs with the client build's defaults, so scoped-style ids match the client CSS.
 */
export async function renderHomeHtml(root: string, base: string, mode: string): Promise<string> {
  // Inside the project, so the externalized packages (vue, pinia…) resolve from its node_modules.
  const outDir = mkdtempSync(join(root, '.prerender-'))
  try {
    await build({
      configFile: false,
      root,
      base,
      mode,
      logLevel: 'warn',
      publicDir: false,
      // Not import.meta.env.SSR: Vitest sets that for the unit tests, which do have IndexedDB (fake-indexeddb).
      define: { 'import.meta.env.PRERENDER': 'true', '__VUE_OPTIONS_API__': 'false' },
      plugins: [vue(), planDataPlugin(), sharedWorkers({ emit: false }), Components({ dirs: [], dts: false, resolvers: [VantResolver()] })],
      resolve: { alias: { '~': SRC, 'virtual:pwa-register/vue': join(SRC, 'prerender/pwa-register-stub.ts') } },
      // Vant's per-component CSS imports need Vite's handling, not Node's.
      ssr: { noExternal: ['vant'] },
      build: {
        ssr: ENTRY,
        outDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: {
          external: (id: string) => LAZY_PAGE.test(id),
          output: { entryFileNames: 'entry-server.mjs' },
        },
      },
    })
    const { renderHome } = await import(pathToFileURL(join(outDir, 'entry-server.mjs')).href) as { renderHome: (base: string) => Promise<string> }
    return await renderHome(base)
  }
  finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

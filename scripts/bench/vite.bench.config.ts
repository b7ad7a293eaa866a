import type { Plugin, UserConfig } from 'vite'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import appConfig from '../../vite.config'
import { sharedWorkers } from '../vite-plugin-shared-workers'

/**
 * Builds scripts/bench/browser/bench-api.ts into <app build>/__bench/ (after the app build: same origin, same
 * IndexedDB), so `npm run bench` reaches the app's modules without adding anything to the production bundle.
 * The bench builds the app into its own .tmp/bench/dist, so a `vite build` elsewhere in the tree cannot pull it away.
 * `BENCH_DIST_DIR=… vite build --config scripts/bench/vite.bench.config.ts`
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
export const BENCH_DIST_DIR = process.env.BENCH_DIST_DIR ?? `${root}.tmp/bench/dist`
const dist = BENCH_DIST_DIR

/** virtual:plan-data as the app build named it (dist/data/plan-data.<version>.json), so bench data keeps that version. */
function builtPlanData(): Plugin {
  const id = 'virtual:plan-data'
  return {
    name: 'bench:built-plan-data',
    resolveId: source => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`)
        return undefined
      const file = readdirSync(`${dist}/data`).find(f => /^plan-data\..+\.json$/.test(f))
      if (!file)
        throw new Error('dist/data/plan-data.*.json missing: build the app there first')
      const version = file.slice('plan-data.'.length, -'.json'.length)
      return `export const planDataVersion = ${JSON.stringify(version)}\nexport const planDataUrl = ${JSON.stringify(`data/${file}`)}\n`
    },
  }
}

// Take what shapes module resolution and workers from the app's config, so the bench bundles the app's code the same way.
const app = appConfig as UserConfig

export default defineConfig({
  root,
  base: '/__bench/',
  publicDir: false,
  resolve: app.resolve,
  define: app.define,
  worker: app.worker,
  // The app's own workers, built beside the bench's modules as the app build makes them.
  plugins: [builtPlanData(), sharedWorkers()],
  build: {
    outDir: `${dist}/__bench`,
    emptyOutDir: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: fileURLToPath(new URL('./browser/bench-api.ts', import.meta.url)),
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: 'bench-api.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})

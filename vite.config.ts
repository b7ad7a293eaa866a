import { VantResolver } from '@vant/auto-import-resolver'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { defineConfig } from 'vitest/config'
import { dropVantIconFont } from './scripts/postcss-drop-vant-icon-font'
import { bundleGuard } from './scripts/vite-plugin-bundle-guard'
import { importAssetsList, importWorkerOutput } from './scripts/vite-plugin-import-assets'
import { planDataPlugin } from './scripts/vite-plugin-plan-data'
import { precompress } from './scripts/vite-plugin-precompress'
import { prerenderHome } from './scripts/vite-plugin-prerender'
import { isSharedDexieShim, sharedDexie, sharedDexieInServiceWorker } from './scripts/vite-plugin-shared-dexie'
import { sharedWorkers } from './scripts/vite-plugin-shared-workers'
import { LEDGER_TOOL_CHUNK, LEDGER_TOOL_GLOBS } from './src/export/ledger-tools'
import { IMPORT_ASSET_DIR, IMPORT_EXTENSIONS, IMPORT_MIME_TYPES, SHARE_FIELDS, SHARE_TARGET_PATH } from './src/import/import-assets'
import { PHOTO_TOOL_GLOBS } from './src/photos/photo-tools'

export default defineConfig({
  css: { postcss: { plugins: [dropVantIconFont()] } },
  plugins: [
    vue(),
    planDataPlugin(),
    // The search and plan-data workers share the page's Dexie and db chunks instead of bundling their own.
    sharedWorkers(),
    // 首页 painted from the HTML itself, before any script (runs before the service worker is written).
    prerenderHome(),
    sharedDexie(),
    importAssetsList(),
    // The build validates the plan data and the client only checks shapes (src/domain/wire-guards.ts): no zod in the
    // precached app chunks (首页's first-load ones among them); only the import worker, not precached, carries it.
    bundleGuard({ scope: 'all', forbidden: ['zod'], label: 'the app chunks', forbiddenCss: [/@font-face\s*\{[^}]*vant-icon/, /data:(?:font|application\/font)/] }),
    // Vant components and their CSS are imported per use, never the whole library.
    Components({ dirs: [], dts: false, resolvers: [VantResolver()] }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // Only the favicon the page links: the manifest's PNG icons (and apple-touch-icon) are fetched by the browser
      // itself when it installs the app, so precaching them would only add their bytes to every first visit.
      // The plugin adds these and manifest.webmanifest to the precache on its own, so the globs below leave them out.
      includeAssets: ['icons/icon.svg'],
      includeManifestIcons: false,
      injectManifest: {
        // The plan data asset (data/plan-data.*.json) is precached with the shell so the app works offline from the first visit.
        globPatterns: ['**/*.{js,css,html,json}'],
        // Content-hashed names need no revision: the precache then requests them as the page did and takes them
        // from the HTTP cache (immutable) instead of fetching them again. Unhashed files under assets/
        // (import-files.json) keep theirs, so a new build's list replaces the old one.
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.\w+$|^data\/plan-data\.\w+\.json$/,
        // The import worker and the format libraries it loads stay out: the service worker caches them at runtime
        // (src/sw.ts), so installing the app does not download what most users never need.
        // The photo worker and browser-image-compression (~18 KB) likewise: cached at runtime when the 打卡 sheet
        // first opens online (src/sw.ts, PhotoPicker.vue), so the first visit does not grow.
        globIgnores: [`${IMPORT_ASSET_DIR}/**`, 'icons/*.png', ...PHOTO_TOOL_GLOBS, ...LEDGER_TOOL_GLOBS],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // The shell under the URL the page itself loaded ("/", not "/index.html"): the service worker's fetch of it
        // then revalidates the page's copy (a 304) instead of downloading it a second time (src/sw.ts).
        manifestTransforms: [async entries => ({ manifest: entries.map(entry => (entry.url === 'index.html' ? { ...entry, url: '/' } : entry)), warnings: [] })],
        // The worker runs SyncEngine on Background Sync, and the engine refreshes plan data (virtual:plan-data).
        buildPlugins: { vite: [sharedDexieInServiceWorker(), planDataPlugin(), sharedWorkers({ emit: false }), bundleGuard({ scope: 'all', forbidden: ['zod'], label: 'the service worker' })] },
      },
      manifest: {
        id: '/',
        name: '要点通',
        short_name: '要点通',
        description: '工作要点随身查：卡片浏览、临近截止提醒、离线打卡',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0a58ca',
        background_color: '#f5f6f8',
        categories: ['productivity', 'government'],
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        // Android's share sheet offers 要点通 for plan documents; the service worker takes the POST (src/sw.ts).
        share_target: {
          action: SHARE_TARGET_PATH,
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { title: SHARE_FIELDS.title, text: SHARE_FIELDS.text, files: [{ name: SHARE_FIELDS.files, accept: [...IMPORT_EXTENSIONS, ...IMPORT_MIME_TYPES] }] },
        },
        shortcuts: [
          { name: '我的收藏', short_name: '收藏', url: '/favorites', icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }] },
        ],
      },
      devOptions: { enabled: false },
    }),
    // Last: its closing step runs after the PWA plugin has written sw.js.
    ...precompress(),
  ],
  // Every component (ours, Vant's, the router's) uses setup(): the Options API support would only add weight.
  define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  build: {
    // One stylesheet for every page: the first visit downloads them all for the precache anyway, and one file
    // compresses to 12 KB where twenty came to 20 KB and twenty sets of headers. 首页 paints from the CSS the
    // prerender inlines; the file loads at the end of the page.
    cssCodeSplit: false,
    rollupOptions: {
      // Seventy-odd files go into the precache: chunks of pure definitions below 2 KB join one loaded with them,
      // so a first visit pays fewer requests and headers.
      // Dexie is one file for the page, its workers and the service worker (scripts/vite-plugin-shared-dexie.ts); the
      // shim that reads it gets a chunk of its own, which the small chunks of the db layer then join.
      // SheetJS gets a chunk of its own, under a fixed name, so the precache can leave it out (the 工作台账 export loads it on demand).
      output: {
        experimentalMinChunkSize: 2048,
        manualChunks: id => (isSharedDexieShim(id) ? 'store' : id.includes('/node_modules/@e965/xlsx/') ? LEDGER_TOOL_CHUNK : undefined),
      },
    },
  },
  worker: {
    // Module workers: the import worker loads its format libraries on demand (code splitting needs ES output).
    format: 'es',
    plugins: () => [importWorkerOutput()],
  },
  resolve: {
    alias: { '~': new URL('./src', import.meta.url).pathname },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-indexeddb.ts'],
    // Integration suites start databases and child processes; a busy 2-core CI machine needs the headroom.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
})

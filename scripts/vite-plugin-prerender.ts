import type { Plugin, ResolvedConfig } from 'vite'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Beasties from 'beasties'
import { precompressFile } from './precompress'
import { AWAY_CLASS, bootScript } from './prerender/boot-script'
import { injectPrerender, lowPriorityStylesheets } from './prerender/inject'
import { pruneInlineStyles } from './prerender/prune-custom-properties'
import { renderHomeHtml } from './prerender/render-home'

/**
 * Prerenders 首页 into dist/index.html after the client build, so a phone paints the theme grid and the plans before
 * any script has loaded, and inlines the CSS that page needs (beasties) with the stylesheet moved to the end of
 * <body>, off the first paint. Runs before vite-plugin-pwa writes the service worker, so the precached index.html
 * (the offline start) is the prerendered one, with its revision.
 */
export function prerenderHome(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'yaodiantong:prerender-home',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      order: 'pre',
      sequential: true,
      async handler(error?: Error) {
        if (error || config.build.ssr)
          return
        const outDir = resolve(config.root, config.build.outDir)
        const file = join(outDir, 'index.html')
        // A build of something else with this config (no app page): nothing to prerender into.
        if (!existsSync(file))
          return
        const appHtml = await renderHomeHtml(config.root, config.base, config.mode)
        const html = injectPrerender(readFileSync(file, 'utf8'), appHtml, bootScript(config.base))
        const beasties = new Beasties({
          path: outDir,
          publicPath: config.base,
          // Inline event handlers (media/swap) would break under the CSP; a stylesheet at the end of <body> does not
          // hold back what comes before it.
          preload: 'body',
          // States the page may take before the stylesheet lands: 长辈模式 and off-首页 (set by the boot script), the
          // sync chip's kinds. And the app's base variables and type (App.vue): beasties' selector engine does not
          // match `html:root`, and without them the page painted unstyled sizes, then shifted when the file came.
          allowRules: [/\.elder\b/, new RegExp(`\\.${AWAY_CLASS}\\b`), /\.sync-chip--/, /^html:root$/],
          logLevel: 'warn',
        })
        // Beasties marks <html> for its own bookkeeping; the page has no use for it.
        const page = lowPriorityStylesheets(pruneInlineStyles((await beasties.process(html)).replace(' data-beasties-container', '')))
        writeFileSync(file, page)
        // vite-plugin-compression2 compressed index.html in generateBundle, before this rewrite: its copies would
        // serve the page without the prerender.
        precompressFile(file)
      },
    },
  }
}

import { AWAY_CLASS } from './boot-script'

/** Marks the prerendered markup: mounting the app clears #app, so the rules below never touch what the app draws. */
export const PRERENDER_ATTR = 'data-prerender'

/**
 * index.html with the prerendered app inside #app and the boot script first in <head>. The wrapper takes no box of
 * its own (display: contents), so the app mounted in its place lays out the same; off 首页 it is not shown at all.
 */
export function injectPrerender(html: string, appHtml: string, bootSrc: string): string {
  const mount = '<div id="app"></div>'
  const charset = /<meta charset="UTF-8"\s*\/?>/i
  if (!html.includes(mount) || !charset.test(html))
    throw new Error(`prerender: index.html needs ${mount} and a <meta charset>`)
  const style = `<style>[${PRERENDER_ATTR}]{display:contents}html.${AWAY_CLASS} [${PRERENDER_ATTR}]{display:none}</style>`
  const head = `<script src="${bootSrc}"></script>${style}`
  return html
    .replace(charset, m => `${m}\n    ${head}`)
    .replace(mount, () => `<div id="app"><div ${PRERENDER_ATTR}>${appHtml}</div></div>`)
}

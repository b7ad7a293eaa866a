import { AWAY_CLASS } from './boot-script'

/** Marks the prerendered markup: mounting the app clears #app, so the rules below never touch what the app draws. */
export const PRERENDER_ATTR = 'data-prerender'

/**
 * The last element of the prerendered markup. `<link rel=expect … blocking=render>` holds the first paint until the
 * parser has reached it: a paint of half-parsed markup (a chip without its text, a tag not yet there) would move what
 * was drawn when the rest lands, a layout shift on a slow phone. The whole page is one small document, so waiting
 * for its end costs nothing a user would see.
 */
export const PRERENDER_END_ID = 'prerender-end'

/**
 * index.html with the prerendered app inside #app and the boot script first in <head>, inline: as a file it was a
 * render-blocking request of its own, a round trip before the first paint on a weak signal. The server allows it by
 * its hash (server/http/inline-scripts.ts). The wrapper takes no box of its own (display: contents), so the app
 * mounted in its place lays out the same; off 首页 it is not shown at all.
 */
export function injectPrerender(html: string, appHtml: string, bootCode: string): string {
  const mount = '<div id="app"></div>'
  const charset = /<meta charset="UTF-8"\s*\/?>/i
  if (!html.includes(mount) || !charset.test(html))
    throw new Error(`prerender: index.html needs ${mount} and a <meta charset>`)
  if (/<\/script/i.test(bootCode))
    throw new Error('prerender: the boot script cannot be inlined (it contains </script)')
  const style = `<style>[${PRERENDER_ATTR}]{display:contents}html.${AWAY_CLASS} [${PRERENDER_ATTR}]{display:none}</style>`
  const expect = `<link rel="expect" href="#${PRERENDER_END_ID}" blocking="render">`
  const head = `<script>${bootCode}</script>${style}${expect}`
  return html
    .replace(charset, m => `${m}\n    ${head}`)
    .replace(mount, () => `<div id="app"><div ${PRERENDER_ATTR}>${appHtml}<span id="${PRERENDER_END_ID}" hidden></span></div></div>`)
}

/** Marks a stylesheet the page loads as `media="print"`; the app turns it on (src/modules/stylesheets-ready.ts). */
export const DEFERRED_STYLESHEET_ATTR = 'data-deferred'

/**
 * The full stylesheets at the end of <body> (beasties' `preload: 'body'`) fetched at low priority: as `media=print`
 * the browser neither waits for them nor puts them ahead of the app's scripts. The prerendered 首页 paints from its
 * inlined CSS, which lays it out exactly as the full stylesheet does (tests/e2e/prerender.spec.ts); the app turns the
 * stylesheet on for the screen and waits for it before it mounts. Beasties' own `media` strategy does this with an
 * onload handler, which the CSP forbids.
 */
export function lowPriorityStylesheets(html: string): string {
  const body = html.lastIndexOf('<body')
  if (body < 0)
    return html
  const tail = html.slice(body).replace(/<link rel="stylesheet"(?![^>]*\smedia=)([^>]*)>/g, (_m, attrs: string) => `<link rel="stylesheet" media="print" ${DEFERRED_STYLESHEET_ATTR}${attrs}>`)
  return html.slice(0, body) + tail
}

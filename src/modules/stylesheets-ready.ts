/**
 * Turns on the stylesheets the page fetched at low priority (`media="print"`, marked by the prerender step:
 * scripts/prerender/inject.ts) and resolves once every stylesheet of the page has loaded (or failed). The prerendered
 * 首页 paints from its inlined CSS without them; the app waits for them before it mounts, so no screen it draws (off
 * 首页 above all) shows without its styles.
 */
export function stylesheetsReady(doc: Document = document): Promise<void> {
  const links = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
  for (const link of links) {
    // The attribute's name is the prerender's DEFERRED_STYLESHEET_ATTR (a build script: not imported here).
    if (link.hasAttribute('data-deferred'))
      link.media = 'all'
  }
  const pending = links.filter(link => !link.sheet)
  return Promise.all(pending.map(link => new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true })
    link.addEventListener('error', () => resolve(), { once: true })
    // Loaded between the query and the listeners.
    if (link.sheet)
      resolve()
  }))).then(() => undefined)
}

/**
 * Resolves once every stylesheet the page links has loaded (or failed). The full stylesheet comes at low priority,
 * after the prerendered 首页 has painted from its inlined CSS (scripts/prerender/inject.ts); the app waits for it
 * before it mounts, so no screen it draws (off 首页 above all) shows without its styles.
 */
export function stylesheetsReady(doc: Document = document): Promise<void> {
  const pending = [...doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter(link => !link.sheet)
  return Promise.all(pending.map(link => new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true })
    link.addEventListener('error', () => resolve(), { once: true })
    // Loaded between the query and the listeners.
    if (link.sheet)
      resolve()
  }))).then(() => undefined)
}

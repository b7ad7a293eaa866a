import type { BrowserContext, Page } from 'playwright-core'

/** What a page did wrong while it was watched: console errors, uncaught errors, CSP violations, foreign requests. */
export interface PageFaults {
  consoleErrors: string[]
  pageErrors: string[]
  cspViolations: string[]
  foreignRequests: string[]
}

declare global {
  interface Window { __cspViolations?: string[] }
}

/**
 * Watches every page of `context`: console errors, page errors, `securitypolicyviolation` events (recorded in the
 * page from its first script on) and any request that leaves `origin`. The page's CSP list goes with each
 * navigation: `collect(page)` takes it before the next one; `faults()` reads everything seen so far.
 */
export async function watchContext(context: BrowserContext, origin: string): Promise<{ collect: (page: Page) => Promise<void>, faults: () => PageFaults }> {
  const found: PageFaults = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] }
  await context.addInitScript(() => {
    window.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  context.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !/^(?:data|blob|chrome-extension|about):/.test(url))
      found.foreignRequests.push(url)
  })
  const watchPage = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error')
        found.consoleErrors.push(`${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', error => found.pageErrors.push(`${page.url()}: ${error.message}`))
  }
  context.pages().forEach(watchPage)
  context.on('page', watchPage)
  return {
    collect: async (page: Page) => {
      const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => [] as string[])
      found.cspViolations.push(...csp.map(v => `${page.url()}: ${v}`))
    },
    faults: () => ({ consoleErrors: [...found.consoleErrors], pageErrors: [...found.pageErrors], cspViolations: [...found.cspViolations], foreignRequests: [...found.foreignRequests] }),
  }
}

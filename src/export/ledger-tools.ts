/**
 * The spreadsheet library the XLSX export loads: its own chunk (vite.config.ts manualChunks), kept out of the
 * first-visit precache (globIgnores) and cached by the service worker when first fetched, under LEDGER_TOOLS_CACHE,
 * the way the photo tools are. No static imports: vite.config.ts and the service worker read it.
 */
export const LEDGER_TOOLS_CACHE = 'ledger-tools'
export const LEDGER_TOOL_CHUNK = 'xlsx'
export const LEDGER_TOOL_GLOBS = [`assets/${LEDGER_TOOL_CHUNK}-*.js`]
/** The same files as LEDGER_TOOL_GLOBS, by URL path. */
export const LEDGER_TOOL_PATH = /\/assets\/xlsx-[\w-]{8}\.js$/

/** Fetches the library ahead of an export, so the service worker has it for offline use; a failure only means later. */
export function warmLedgerTools(): void {
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    return
  void import('@e965/xlsx').catch(() => undefined)
}

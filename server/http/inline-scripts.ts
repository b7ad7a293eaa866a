import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// A classic or module script element with content and no src; the build writes no other kind of inline script.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi

/**
 * The CSP source expressions ('sha256-…') that allow the inline scripts of a page, and nothing else: the prerendered
 * index.html carries its boot script inline (scripts/prerender/inject.ts), so the policy names that exact script
 * rather than allowing 'unsafe-inline'.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map(m => m[1]!)
    .filter(code => code.trim() !== '')
    .map(code => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`)
  return [...new Set(hashes)]
}

/** The hashes for the build's index.html in `distDir` (none when there is no build). */
export function shellScriptHashes(distDir: string): string[] {
  const file = join(distDir, 'index.html')
  return existsSync(file) ? inlineScriptHashes(readFileSync(file, 'utf8')) : []
}

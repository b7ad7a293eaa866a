// Gzipped size of the first load: index.html plus every script, module preload and
// stylesheet it pulls in (what 首页 needs before anything is lazy-loaded).
// Usage: npx vite build && npx tsx scripts/measure-initial-load.ts [distDir]
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 150 * 1024

/** Local files index.html references as scripts, module preloads or stylesheets. */
function initialFiles(html: string): string[] {
  const files = new Set<string>()
  const tag = /<(script|link)\b[^>]*>/gi
  for (const [element, name] of html.matchAll(tag)) {
    const attr = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']+)["']`, 'i').exec(element)?.[1]
    const url = name!.toLowerCase() === 'script' ? attr('src') : (/^(?:stylesheet|modulepreload)$/i.test(attr('rel') ?? '') ? attr('href') : undefined)
    if (url && !/^(?:[a-z]+:)?\/\//i.test(url))
      files.add(url.replace(/^\//, ''))
  }
  return [...files]
}

function main() {
  const dist = resolve(process.argv[2] ?? 'dist')
  const html = readFileSync(join(dist, 'index.html'))
  const rows = [{ file: 'index.html', raw: html.length, gzip: gzipSync(html, { level: 9 }).length }]
  for (const file of initialFiles(html.toString('utf8'))) {
    const bytes = readFileSync(join(dist, file))
    rows.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  for (const r of rows)
    console.log(`${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} raw ${kb(r.gzip).padStart(10)} gzip`)
  const total = rows.reduce((n, r) => n + r.gzip, 0)
  console.log(`initial load (gzip): ${kb(total)} of ${kb(BUDGET_BYTES)} budget`)
  if (total > BUDGET_BYTES)
    process.exitCode = 1
}

main()

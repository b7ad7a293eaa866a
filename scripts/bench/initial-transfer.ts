import type { Figure } from './figures'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { atMost } from './figures'

/**
 * What 首页 needs before anything lazy loads, gzipped (level 9): index.html and every script, module preload and
 * stylesheet it references — the same rule as scripts/measure-initial-load.ts — split into HTML, JS and CSS.
 * Baseline: the static first-card page with the stylesheets it links.
 */
function referencedFiles(html: string): string[] {
  const files = new Set<string>()
  for (const [element, name] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attr = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']+)["']`, 'i').exec(element)?.[1]
    const url = name!.toLowerCase() === 'script' ? attr('src') : (/^(?:stylesheet|modulepreload)$/i.test(attr('rel') ?? '') ? attr('href') : undefined)
    if (url && !/^(?:[a-z]+:)?\/\//i.test(url))
      files.add(url.replace(/^\//, ''))
  }
  return [...files]
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length

function transfer(distDir: string, htmlFile: string): { html: number, js: number, css: number, files: number } {
  const html = readFileSync(join(distDir, htmlFile))
  const sizes = { html: gz(html), js: 0, css: 0, files: 1 }
  for (const file of referencedFiles(html.toString('utf8'))) {
    const n = gz(readFileSync(join(distDir, file)))
    sizes.files++
    if (file.endsWith('.css'))
      sizes.css += n
    else
      sizes.js += n
  }
  return sizes
}

export function measureInitialTransfer(distDir: string, staticPage?: string): Figure[] {
  const kb = (n: number) => n / 1024
  const app = transfer(distDir, 'index.html')
  const total = app.html + app.js + app.css
  const base = staticPage ? transfer(distDir, staticPage) : undefined
  const baseline = base ? { name: 'static first-card page (HTML + linked CSS)', value: kb(base.html + base.js + base.css) } : undefined
  const section = 'Initial transfer of 首页 (gzip level 9, files index.html pulls in before anything lazy)'
  return [
    { section, name: `total (${app.files} files)`, value: kb(total), unit: 'KB', baseline, target: atMost(kb(total), 120, '≤ 120 KB') },
    { section, name: 'JS', value: kb(app.js), unit: 'KB' },
    { section, name: 'CSS', value: kb(app.css), unit: 'KB' },
    { section, name: 'HTML', value: kb(app.html), unit: 'KB' },
  ]
}

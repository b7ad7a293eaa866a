// Raw and brotli sizes of what a first visit downloads: the first-load files (index.html, its scripts, module
// preloads and stylesheets), the service worker, and every file of its precache manifest (assets/import/ is left
// out by the build). An estimate with node's brotli at its highest quality; the server's own bytes are measured
// over the wire by the bench. Usage: npx vite build && npx tsx scripts/measure-precache.ts [distDir]
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'

const brotli = (bytes: Buffer) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Local URLs index.html loads before anything lazy. */
function firstLoad(html: string): string[] {
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref)="\/?([^"]+)"/g)].map(m => m[1]!)
  return urls.filter(url => !/^(?:[a-z]+:)?\/\//i.test(url))
}

/** The precache manifest the build injected into sw.js. */
function precached(sw: string): string[] {
  // One download per URL, however often the manifest names it.
  return [...new Set([...sw.matchAll(/\{"?revision"?:(?:null|"[^"]*"),"?url"?:"([^"]+)"\}/g)].map(m => m[1]!))]
}

function main() {
  const dist = resolve(process.argv[2] ?? 'dist')
  // A precached route (e.g. `./` for the prerendered shell) is served as its directory's index.html.
  const read = (file: string) => {
    const path = join(dist, file)
    return readFileSync(statSync(path).isDirectory() ? join(path, 'index.html') : path)
  }
  const row = (file: string) => {
    const bytes = read(file)
    return { file, raw: bytes.length, br: brotli(bytes) }
  }
  const print = (r: { file: string, raw: number, br: number }) => console.log(`${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.br).padStart(10)} br`)
  const html = read('index.html').toString('utf8')
  const first = ['index.html', ...firstLoad(html)].map(row)
  console.log('first load:')
  first.forEach(print)
  const sw = row('sw.js')
  print(sw)
  const files = precached(read('sw.js').toString('utf8'))
  const all = files.map(row)
  const sum = (rows: typeof all) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, br: t.br + r.br }), { raw: 0, br: 0 })
  const css = sum(all.filter(r => r.file.endsWith('.css')))
  const js = sum(all.filter(r => r.file.endsWith('.js')))
  const total = sum([...all, sw])
  console.log(`precache: ${files.length} files; JS ${kb(js.raw)} raw / ${kb(js.br)} br; CSS ${kb(css.raw)} raw / ${kb(css.br)} br`)
  console.log('largest precached files:')
  all.sort((a, b) => b.br - a.br).slice(0, 8).forEach(print)
  console.log(`first load total: ${kb(sum(first).raw)} raw / ${kb(sum(first).br)} br`)
  console.log(`precache + sw.js total: ${kb(total.raw)} raw / ${kb(total.br)} br`)
}

main()

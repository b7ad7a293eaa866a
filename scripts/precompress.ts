import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib'

/**
 * The build's precompressed copies (file.br, file.gz beside file), which the server sends as they are
 * (server/static.ts). One rule for the build plugin, the check after it and the bench's own pages.
 */
export const PRECOMPRESS_TYPES = /\.(?:js|mjs|css|html|json|svg|webmanifest)$/
/** Below one TCP packet or so compression saves next to nothing, and the copies only cost disk and a stat. */
export const PRECOMPRESS_THRESHOLD = 1024

export interface Precompressed {
  ext: '.br' | '.gz'
  encode: (bytes: Buffer) => Buffer
  decode: (bytes: Buffer) => Buffer
}

/** Highest levels: done once per build, paid back on every download. */
export const PRECOMPRESSED: readonly Precompressed[] = [
  {
    ext: '.br',
    encode: b => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
    decode: b => brotliDecompressSync(b),
  },
  { ext: '.gz', encode: b => gzipSync(b, { level: 9 }), decode: b => gunzipSync(b) },
]

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : [path]
  })
}

/** The files under `dir` that get compressed copies. */
export function compressibleFiles(dir: string): string[] {
  return walk(dir).filter(f => PRECOMPRESS_TYPES.test(f) && statSync(f).size >= PRECOMPRESS_THRESHOLD)
}

/** Copies of `file` that are missing or do not decode to its bytes (a copy that would not be smaller is not made). */
export function staleCopies(file: string): Precompressed[] {
  const original = readFileSync(file)
  return PRECOMPRESSED.filter((p) => {
    const copy = `${file}${p.ext}`
    return !existsSync(copy) || !p.decode(readFileSync(copy)).equals(original)
  })
}

/** Writes the copies of `file` again (or removes one that would not be smaller, so no stale copy is left). */
export function precompressFile(file: string, only: readonly Precompressed[] = PRECOMPRESSED): void {
  const original = readFileSync(file)
  for (const p of only) {
    const encoded = p.encode(original)
    if (encoded.length < original.length)
      writeFileSync(`${file}${p.ext}`, encoded)
    else
      rmSync(`${file}${p.ext}`, { force: true })
  }
}

/**
 * Makes every copy under `dir` match its file, rewriting only the stale ones (files changed after the
 * compression plugin ran: sw.js, written by the PWA plugin afterwards, or a rewritten index.html). Returns the
 * files it rewrote, relative to `dir`.
 */
export function refreshPrecompressed(dir: string): string[] {
  const rewritten: string[] = []
  for (const file of compressibleFiles(dir)) {
    // A copy that was not smaller is absent and counts as stale: it is tried again, which costs little.
    const stale = staleCopies(file)
    if (stale.length) {
      precompressFile(file, stale)
      rewritten.push(relative(dir, file))
    }
  }
  return rewritten
}

import type { Plugin, ResolvedConfig } from 'vite'
import { resolve } from 'node:path'
import { constants } from 'node:zlib'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'
import { PRECOMPRESS_THRESHOLD, PRECOMPRESS_TYPES, refreshPrecompressed } from './precompress'

/**
 * Brotli and gzip copies of the build (file.br, file.gz) for the server to send as they are (server/static.ts).
 * vite-plugin-compression2 compresses the bundle as it is generated; the PWA plugin writes sw.js later (its
 * closeBundle), and a later step may rewrite index.html, so a closing step re-checks every copy against its file
 * and rewrites the stale ones: a copy always decodes to exactly the file served without encoding.
 */
export function precompress(): Plugin[] {
  let config: ResolvedConfig | undefined
  const closing: Plugin = {
    name: 'yaodiantong:precompress-closing',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      // After every plugin's closeBundle of the normal order, the PWA plugin's sw.js included.
      sequential: true,
      order: 'post',
      handler() {
        if (!config || config.build.ssr || !config.build.write)
          return
        const rewritten = refreshPrecompressed(resolve(config.root, config.build.outDir))
        if (rewritten.length)
          config.logger.info(`precompressed after the bundle: ${rewritten.join(', ')}`)
      },
    },
  }
  return [
    compression({
      include: PRECOMPRESS_TYPES,
      threshold: PRECOMPRESS_THRESHOLD,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
    closing,
  ]
}

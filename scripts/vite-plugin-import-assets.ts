import type { Plugin } from 'vite'
import type { ImportFilesList } from '../src/import/import-assets'
import { IMPORT_ASSET_DIR, IMPORT_FILES_LIST } from '../src/import/import-assets'
import { filesWithDictionary } from './dictionary-check'

/** The worker entry whose bundle goes to IMPORT_ASSET_DIR. */
const IMPORT_WORKER = /\/src\/import\/import-worker\.ts$/

/**
 * For `worker.plugins`: the import worker's bundle (the worker and every chunk it loads, i.e. the format
 * libraries) is written to assets/import/, so the precache can leave it out by path. Vite bundles each worker
 * with fresh plugin instances, so the input seen in `options` is that bundle's own; other workers keep their names.
 */
export function importWorkerOutput(): Plugin {
  let isImportWorker = false
  return {
    name: 'yaodiantong:import-worker-output',
    options(options) {
      isImportWorker = [options.input].flat().some(input => typeof input === 'string' && IMPORT_WORKER.test(input))
      return null
    },
    outputOptions(output) {
      if (!isImportWorker)
        return null
      return { ...output, entryFileNames: `${IMPORT_ASSET_DIR}/[name]-[hash].js`, chunkFileNames: `${IMPORT_ASSET_DIR}/[name]-[hash].js`, assetFileNames: `${IMPORT_ASSET_DIR}/[name]-[hash].[ext]` }
    },
  }
}

/**
 * Lists this build's files under assets/import/ in IMPORT_FILES_LIST, which is precached: the service worker
 * reads it to fetch them into its runtime cache after the first visit, and to drop older builds' files. Fails the
 * build if pinyin-pro's dictionary reached any other file (page, search worker, precache): see dictionary-check.ts.
 */
export function importAssetsList(): Plugin {
  return {
    name: 'yaodiantong:import-assets-list',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const leaked = filesWithDictionary(bundle, IMPORT_ASSET_DIR)
      if (leaked.length > 0)
        this.error(`pinyin-pro's dictionary is in ${leaked.join(', ')}: word pinyin ships with the plan data, only the import worker (${IMPORT_ASSET_DIR}/) may read it`)
      const files = Object.keys(bundle).filter(name => name.startsWith(`${IMPORT_ASSET_DIR}/`)).sort()
      this.emitFile({ type: 'asset', fileName: IMPORT_FILES_LIST, source: JSON.stringify({ files } satisfies ImportFilesList) })
    },
  }
}

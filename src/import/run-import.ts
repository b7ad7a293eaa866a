import type { ImportFile, ImportMessage, ImportRequest, ImportResult } from './import-protocol'

export interface ImportProgress {
  done: number
  total: number
  /** What is happening, in words ("读取 某某.docx"). */
  stage: string
}

/** Why a run ended without a result; `workerMissing` when the worker itself could not be loaded. */
export class ImportRunError extends Error {
  override name = 'ImportRunError'
  constructor(message: string, readonly workerMissing = false) {
    super(message)
  }
}

export interface ImportRun {
  result: Promise<ImportResult>
  /** Stops the worker; the result rejects. */
  cancel: () => void
}

/**
 * Parses `files` in a fresh import worker (terminated afterwards, so the format libraries it loaded do not stay
 * in memory), reporting progress. The bytes are transferred, not copied.
 */
export function runImport(files: ImportFile[], onProgress: (progress: ImportProgress) => void): ImportRun {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
  let settle: ((error?: ImportRunError) => void) | undefined
  const result = new Promise<ImportResult>((resolve, reject) => {
    settle = (error) => {
      worker.terminate()
      settle = undefined
      if (error)
        reject(error)
    }
    worker.onmessage = ({ data }: MessageEvent<ImportMessage>) => {
      if (!data || typeof data !== 'object')
        return
      if (data.type === 'progress') {
        onProgress({ done: data.done, total: data.total, stage: data.stage })
      }
      else if (data.type === 'done') {
        settle?.()
        resolve(data.result)
      }
      else if (data.type === 'error') {
        settle?.(new ImportRunError(`解析出错：${data.message}`))
      }
      // Anything else is not ours (a library inside the worker may post its own messages): ignore it.
    }
    // A module worker that cannot be fetched (offline before the import files were ever downloaded) ends here.
    worker.onerror = (event) => {
      event.preventDefault()
      settle?.(new ImportRunError('导入组件没有载入：请联网后再试（首次使用需要下载，之后离线也能导入）。', true))
    }
  })
  const request: ImportRequest = { files }
  worker.postMessage(request, files.map(f => f.bytes))
  return { result, cancel: () => settle?.(new ImportRunError('已取消解析。')) }
}

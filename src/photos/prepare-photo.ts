import type { PhotoAnswer } from './photo-protocol'
import type { PreparedPhoto } from '~/db/photos'

/** A picked file that could not be turned into a photo, with the reason in words for the 打卡 sheet. */
export class PhotoReadError extends Error {
  override name = 'PhotoReadError'
}

let worker: Worker | undefined
let nextId = 1
const waiting = new Map<number, (answer: PhotoAnswer) => void>()

function photoWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = ({ data }: MessageEvent<PhotoAnswer>) => {
      waiting.get(data.id)?.(data)
      waiting.delete(data.id)
    }
    worker.onerror = () => {
      for (const settle of waiting.values())
        settle({ id: 0, ok: false, message: 'worker failed' })
      waiting.clear()
      worker?.terminate()
      worker = undefined
    }
  }
  return worker
}

/** Starts the photo worker ahead of the first photo: online, that also puts it in the service worker's cache for offline use. */
export function warmPhotoWorker(): void {
  photoWorker()
}

/** Compresses a picked image in the photo worker (one worker, started on the first photo, reused). */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (!file.type.startsWith('image/'))
    throw new PhotoReadError(`“${file.name}”不是图片，请选择照片。`)
  const id = nextId++
  const answer = await new Promise<PhotoAnswer>((resolve) => {
    waiting.set(id, resolve)
    photoWorker().postMessage({ id, file })
  })
  if (!answer.ok)
    throw new PhotoReadError(`“${file.name}”无法读取（${answer.message}），请换一张照片。`)
  return answer.photo
}

/// <reference lib="webworker" />
import type { PhotoAnswer, PhotoRequest } from './photo-protocol'
import { compressPhoto } from './compress-photo'

// Decoding and re-encoding a 12-megapixel photo takes a second or more: off the page's thread.
const scope = globalThis as unknown as DedicatedWorkerGlobalScope
scope.onmessage = async ({ data }: MessageEvent<PhotoRequest>) => {
  let answer: PhotoAnswer
  try {
    answer = { id: data.id, ok: true, photo: await compressPhoto(data.file) }
  }
  catch (error) {
    answer = { id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(answer)
}

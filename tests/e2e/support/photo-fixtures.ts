import type { Page } from 'playwright-core'

/** An EXIF APP1 segment with Orientation (6: rotate 90°) and a GPS position (28°N), as a phone camera writes. */
export function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(80)
  tiff.write('II', 0, 'latin1')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  // [offset, tag, type, count, value]: IFD0 at 8 (Orientation, GPS IFD pointer), the GPS IFD at 38
  // (GPSLatitudeRef "N", GPSLatitude at 68).
  const entries: [number, number, number, number, number][] = [
    [10, 0x0112, 3, 1, 6],
    [22, 0x8825, 4, 1, 38],
    [40, 0x0001, 2, 2, 0x4E],
    [52, 0x0002, 5, 3, 68],
  ]
  tiff.writeUInt16LE(2, 8)
  tiff.writeUInt16LE(2, 38)
  for (const [at, tag, type, count, value] of entries) {
    tiff.writeUInt16LE(tag, at)
    tiff.writeUInt16LE(type, at + 2)
    tiff.writeUInt32LE(count, at + 4)
    if (type === 3)
      tiff.writeUInt16LE(value, at + 8)
    else if (type === 2)
      tiff.writeUInt8(value, at + 8)
    else
      tiff.writeUInt32LE(value, at + 8)
  }
  const gps = Buffer.alloc(24)
  ;[28, 1, 12, 1, 0, 1].forEach((v, i) => gps.writeUInt32LE(v, i * 4))
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff.subarray(0, 68), gps])
  const head = Buffer.from([0xFF, 0xE1, 0, 0])
  head.writeUInt16BE(body.length + 2, 2)
  return Buffer.concat([head, body])
}

/**
 * A large landscape camera-like JPEG (4000×3000, gradients and shapes, `seed` varies it) drawn in the page, with
 * the EXIF segment above inserted right after SOI, as a phone would hand it to the file picker.
 */
export async function cameraJpeg(page: Page, seed: number): Promise<Buffer> {
  const bytes = await page.evaluate(async (seed) => {
    const canvas = new OffscreenCanvas(4000, 3000)
    const g = canvas.getContext('2d')!
    const grad = g.createLinearGradient(0, 0, 4000, 3000)
    grad.addColorStop(0, `hsl(${seed * 47 % 360} 70% 60%)`)
    grad.addColorStop(1, `hsl(${(seed * 47 + 120) % 360} 60% 30%)`)
    g.fillStyle = grad
    g.fillRect(0, 0, 4000, 3000)
    for (let i = 0; i < 60; i++) {
      g.fillStyle = `hsl(${(seed * 31 + i * 17) % 360} 80% ${30 + (i % 5) * 10}%)`
      g.beginPath()
      g.arc((i * 733 + seed * 101) % 4000, (i * 419 + seed * 59) % 3000, 60 + (i * 37) % 240, 0, Math.PI * 2)
      g.fill()
    }
    g.fillStyle = '#fff'
    g.font = '200px sans-serif'
    g.fillText(`现场照片 ${seed}`, 300, 600)
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })
    return [...new Uint8Array(await blob.arrayBuffer())]
  }, seed)
  const jpeg = Buffer.from(bytes)
  return Buffer.concat([jpeg.subarray(0, 2), exifWithGps(), jpeg.subarray(2)])
}

export interface StoredPhoto { id: string, checkinId: string, owner: string, hash: string, position: number, state: string, size: number, thumbSize: number, width: number, height: number, bytes: number[] }

/** The photos table as stored, with the compressed bytes and the decoded size of each image. */
export function readPhotos(page: Page, withBytes = false): Promise<StoredPhoto[]> {
  return page.evaluate(withBytes => new Promise<StoredPhoto[]>((resolve, reject) => {
    const open = indexedDB.open('yaodiantong')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const req = open.result.transaction('photos', 'readonly').objectStore('photos').getAll()
      req.onerror = () => reject(req.error)
      req.onsuccess = async () => {
        open.result.close()
        const rows = req.result as { id: string, checkinId: string, owner: string, hash: string, position: number, state: string, blob: Blob, thumb: Blob }[]
        resolve(await Promise.all(rows.map(async (r) => {
          const bitmap = await createImageBitmap(r.blob)
          const bytes = withBytes ? [...new Uint8Array(await r.blob.arrayBuffer())] : []
          return { id: r.id, checkinId: r.checkinId, owner: r.owner, hash: r.hash, position: r.position, state: r.state, size: r.blob.size, thumbSize: r.thumb.size, width: bitmap.width, height: bitmap.height, bytes }
        })))
      }
    }
  }), withBytes)
}

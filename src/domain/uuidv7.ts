/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then a 12-bit counter (rand_a used as a
 * monotonic counter, RFC 9562 §6.2 method 1) so ids made in the same millisecond still sort
 * in creation order, then 62 random bits. Works in browsers, workers and Node 20.
 */

let lastMs = -1
let counter = 0

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n))
}

/** A new UUIDv7; ids from one process are strictly increasing as strings. */
export function uuidv7(now: number = Date.now()): string {
  let ms = Math.max(Math.floor(now), lastMs) // a clock stepping back must not break the order
  if (ms === lastMs) {
    counter++
    if (counter > 0xFFF) {
      // Counter exhausted within one millisecond: borrow the next millisecond.
      ms++
      counter = randomBytes(1)[0]! & 0x7F
    }
  }
  else {
    // Start low in the 12-bit space so a burst has room to count up.
    counter = randomBytes(1)[0]! & 0x7F
  }
  lastMs = ms

  const bytes = randomBytes(16)
  let t = ms
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256
    t = Math.floor(t / 256)
  }
  bytes[6] = 0x70 | (counter >> 8)
  bytes[7] = counter & 0xFF
  bytes[8] = 0x80 | (bytes[8]! & 0x3F)

  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The Unix millisecond timestamp stored in a UUIDv7. */
export function uuidv7Timestamp(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)
}

/** A GB18030 encoder for tests, built by inverting the platform's decoder over the two-byte range. */
let table: Map<string, [number, number]> | undefined

export function encodeGb18030(text: string): Uint8Array {
  if (!table) {
    table = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let hi = 0x81; hi <= 0xFE; hi++) {
      for (let lo = 0x40; lo <= 0xFE; lo++) {
        if (lo === 0x7F)
          continue
        const ch = decoder.decode(new Uint8Array([hi, lo]))
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch))
          table.set(ch, [hi, lo])
      }
    }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) {
      out.push(code)
      continue
    }
    const pair = table.get(ch)
    if (!pair)
      throw new Error(`no GB18030 two-byte code for ${ch}`)
    out.push(...pair)
  }
  return new Uint8Array(out)
}

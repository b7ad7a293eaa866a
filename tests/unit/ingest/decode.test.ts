import { describe, expect, it } from 'vitest'
import { decodeDocument } from '../../../src/ingest/decode'
import { encodeGb18030 } from './gbk-encoder'

const enc = (s: string) => new TextEncoder().encode(s)

describe('decodeDocument', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeDocument(enc('湖南省2023年工作要点')).text).toBe('湖南省2023年工作要点')
    expect(decodeDocument(new Uint8Array([0xEF, 0xBB, 0xBF, ...enc('要点')])).text).toBe('要点')
  })

  it('reads UTF-16 with a BOM', () => {
    const text = '（一）办好“湘易办”重点民生实事。'
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xFF, 0xFE])
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xFF
      le[3 + i * 2] = text.charCodeAt(i) >> 8
    }
    expect(decodeDocument(le)).toMatchObject({ text, encoding: 'utf-16le' })
  })

  it('decodes GBK/GB18030 text instead of garbling it', () => {
    const text = '湖南省2023年政务公开工作要点\n（一）紧扣打好“发展六仗”深化公开。'
    const result = decodeDocument(encodeGb18030(text), 'gbk.txt')
    expect(result.text).toBe(text)
    expect(result.encoding).toBe('gb18030')
    expect(result.diagnostics.map(d => d.code)).toContain('encoding-gb18030')
  })

  it('refuses empty and blank files with one clear error', () => {
    for (const bytes of [new Uint8Array(), enc('  \n\t\n')]) {
      const r = decodeDocument(bytes, 'empty.txt')
      expect(r.text).toBeNull()
      expect(r.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'empty', source: 'empty.txt' })])
    }
  })

  it('refuses binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0])
    expect(decodeDocument(png).diagnostics[0]).toMatchObject({ level: 'error', code: 'binary' })
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    expect(decodeDocument(random).text).toBeNull()
  })
})

import * as XLSX from '@e965/xlsx'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { planLines } from '../../../../scripts/fixtures/render'
import { NESTED_PLAN } from '../../../../scripts/fixtures/samples'
import { REFUSALS } from '../../../../src/ingest/formats/refusals'
import { expectRefusal, fixture, paragraphs, read } from './helpers'

const bytes = (...values: (number | string)[]) => new Uint8Array(values.flatMap(v => (typeof v === 'string' ? [...v].map(c => c.charCodeAt(0)) : [v])))
function padded(head: Uint8Array, length = 64) {
  const out = new Uint8Array(Math.max(length, head.length))
  out.set(head)
  return out
}

/** An OLE compound file holding the named streams (SheetJS's CFB writer). */
function ole(...streams: string[]): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new()
  for (const name of streams)
    XLSX.CFB.utils.cfb_add(cfb, `/${name}`, new Uint8Array(5000).fill(1))
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>)
}

describe('refusals: one error each, with its Chinese line', () => {
  it('refuses a Word 97–2003 .doc, also when it is named .docx', async () => {
    expectRefusal(await read('plan.doc'), 'doc-legacy', '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入')
    expectRefusal(await read('plan.docx', fixture('plan.doc')), 'doc-legacy')
  })

  it('tells the OLE files apart: encrypted Office, .ppt, unknown, damaged', async () => {
    expectRefusal(await read('locked.docx', ole('EncryptionInfo', 'EncryptedPackage')), 'office-encrypted', /已加密/)
    expectRefusal(await read('talk.ppt', ole('PowerPoint Document', 'Current User')), 'ppt-legacy', /PowerPoint/)
    expectRefusal(await read('mail.msg', ole('__properties_version1.0')), 'office-unknown')
    expectRefusal(await read('cut.doc', padded(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 600)), 'damaged-office')
  })

  it('refuses the zips that are no Word or Excel file', async () => {
    expectRefusal(await read('slides.pptx'), 'pptx', /暂不支持 \.pptx 演示文稿/)
    expectRefusal(await read('plan.odt'), 'odf', /OpenDocument/)
    expectRefusal(await read('files.zip', zipSync({ 'a.docx': strToU8('x'), 'b.pdf': strToU8('y') })), 'archive', /压缩包/)
    expectRefusal(await read('doc.ofd', zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>'), 'Doc_0/Document.xml': strToU8('<x/>') })), 'ofd', /OFD/)
  })

  it('says what a Word file made only of an embedded chunk (altChunk) needs', async () => {
    const documentXml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:altChunk r:id="rId9"/><w:sectPr/></w:body></w:document>'
    expectRefusal(await read('oa.docx', zipSync({ 'word/document.xml': strToU8(documentXml), 'word/afchunk.mht': strToU8('MIME-Version: 1.0') })), 'docx-alt-chunk', /嵌入的外部内容/)
  })

  it('says a truncated or damaged zip is damaged', async () => {
    expectRefusal(await read('truncated.docx'), 'damaged-zip', '文件已损坏或不完整（无法解压），请重新下载')
    expectRefusal(await read('bad.docx', zipSync({ 'word/styles.xml': strToU8('<w:styles/>'), '_rels/.rels': strToU8('<Relationships/>') })), 'damaged-docx')
  })

  it('refuses images, media, programs, archives and RTF by their magic numbers, whatever the name', async () => {
    expectRefusal(await read('photo-named.pdf'), 'image', '这是图片，无法识别其中的文字，请提供 Word、PDF 文字版或 Excel 文件')
    const cases: [string, Uint8Array, string][] = [
      ['a.jpg', bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'JFIF'), 'image'],
      ['a.gif', bytes('GIF89a'), 'image'],
      ['a.webp', bytes('RIFF', 0, 0, 0, 0, 'WEBP'), 'image'],
      ['a.bmp', bytes('BM', 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0), 'image'],
      ['a.tif', bytes(0x49, 0x49, 0x2A, 0), 'image'],
      ['a.heic', bytes(0, 0, 0, 0x18, 'ftypheic'), 'image'],
      ['a.mp3', bytes('ID3', 3, 0), 'media'],
      ['a.mp4', bytes(0, 0, 0, 0x18, 'ftypisom'), 'media'],
      ['a.wav', bytes('RIFF', 0, 0, 0, 0, 'WAVE'), 'media'],
      ['a.exe', bytes('MZ', 0x90, 0), 'executable'],
      ['a.so', bytes(0x7F, 'ELF', 2, 1), 'executable'],
      ['a.rar', bytes('Rar!', 0x1A, 7), 'archive'],
      ['a.7z', bytes('7z', 0xBC, 0xAF, 0x27, 0x1C), 'archive'],
      ['a.gz', bytes(0x1F, 0x8B, 8), 'archive'],
      ['a.rtf', bytes('{\\rtf1\\ansi 政务'), 'rtf'],
    ]
    for (const [name, head, code] of cases)
      expectRefusal(await read(name, padded(head)), code)
  })

  it('says an empty file is empty, and binary junk under a document\'s name is damaged', async () => {
    expectRefusal(await read('empty.txt', new Uint8Array()), 'empty', /文件是空的/)
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 251)
    expectRefusal(await read('random.pdf', junk), 'not-pdf', /不是 PDF/)
    expectRefusal(await read('random.docx', junk), 'not-office')
    expectRefusal(await read('random.bin', junk), 'binary', /无法识别文件内容/)
  })

  it('has a code, an English line and a Chinese line for every refusal', () => {
    for (const [code, words] of Object.entries(REFUSALS)) {
      expect(words.message, code).toMatch(/^[a-z.]/i)
      expect(words.zh, code).toMatch(/[\u4E00-\u9FFF]/)
      expect(words.zh, code).not.toMatch(/\n/)
    }
  })
})

describe('typing by content', () => {
  it('reads a Word file named .txt as Word, and a text file named .docx as text', async () => {
    expect((await read('plan.txt', fixture('plan-word.docx'))).format).toBe('docx')
    const doc = await read('plan.docx', fixture('plan.txt'))
    expect(doc.format).toBe('txt')
    expect(paragraphs(doc).filter(Boolean)).toEqual(planLines(NESTED_PLAN))
  })

  it('reads an Excel file named .xls or .csv by what it holds', async () => {
    expect((await read('tasks.csv', fixture('tasks.xlsx'))).format).toBe('xlsx')
    expect((await read('tasks.xlsx', fixture('tasks.xls'))).format).toBe('xls')
  })

  it('reads .txt as before: one paragraph per line', async () => {
    const doc = await read('plan.txt')
    expect(doc.format).toBe('txt')
    expect(paragraphs(doc).filter(Boolean)).toEqual(planLines(NESTED_PLAN))
  })
})

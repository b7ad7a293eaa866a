import { describe, expect, it } from 'vitest'
import { IMPORT_ACCEPT, pastedTextFile, sharedEntryFiles, withUniqueNames } from '~/import/import-sources'

const text = (bytes: ArrayBuffer) => new TextDecoder().decode(bytes)

describe('import sources', () => {
  it('accepts the formats the readers take', () => {
    expect(IMPORT_ACCEPT).toBe('.txt,.docx,.pdf,.xlsx,.xls,.csv,.html,.htm')
  })

  it('turns pasted text into a .txt, and rows pasted from Excel (tab-separated) into a .tsv', () => {
    const plain = pastedTextFile('某某县2026年政务公开工作要点\n一、深化政务公开')
    expect(plain).toMatchObject({ name: '粘贴的文字.txt', origin: 'pasted' })
    expect(text(plain.bytes)).toBe('某某县2026年政务公开工作要点\n一、深化政务公开')
    expect(pastedTextFile('序号\t任务\t牵头单位\n1\t推进标准化\t县政务局\n').name).toBe('粘贴的表格.tsv')
    expect(pastedTextFile('只有一行\t带个制表符').name).toBe('粘贴的文字.txt')
  })

  it('takes shared files as they are, and shared text with its title in front when the text lacks it', () => {
    const bytes = new TextEncoder().encode('x').buffer as ArrayBuffer
    const files = sharedEntryFiles([
      { kind: 'file', name: '要点.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes },
      { kind: 'text', title: '某某县2026年政务公开工作要点', text: '一、深化政务公开' },
      { kind: 'text', title: '', text: '  ' },
    ])
    expect(files.map(f => [f.name, f.origin])).toEqual([['要点.docx', 'shared'], ['分享的文字.txt', 'shared']])
    expect(text(files[1]!.bytes)).toBe('某某县2026年政务公开工作要点\n一、深化政务公开')
  })

  it('keeps names apart, since the preview tells files apart by name', () => {
    expect(withUniqueNames([{ name: 'a.txt' }, { name: 'a.txt' }, { name: 'b' }, { name: 'a.txt' }, { name: 'b' }]).map(f => f.name))
      .toEqual(['a.txt', 'a (2).txt', 'b', 'a (3).txt', 'b (2)'])
  })
})

import type { Diagnostic } from '~/ingest/diagnostics'
import { describe, expect, it } from 'vitest'
import { diagnosticWords } from '~/import/diagnostic-words'

const d = (code: string, message: string, level: Diagnostic['level'] = 'warning', zh?: string): Diagnostic => ({ level, code, message, source: 'a.txt', ...(zh ? { zh } : {}) })
const T = '某某县2026年政务公开工作要点'

describe('diagnosticWords', () => {
  it('uses the pipeline\'s own Chinese line when there is one', () => {
    expect(diagnosticWords(d('numbering-gap', 'x', 'warning', `${T}：要点编号从第 2 条跳到第 4 条`))).toEqual({ level: 'warning', mark: '!', label: '请核对', words: `${T}：要点编号从第 2 条跳到第 4 条` })
  })

  it('words every code the pipeline and the text reader use, with the numbers from the message', () => {
    const cases: [Diagnostic, string][] = [
      [d('no-responsibility', `${T}: 2 point(s) name no responsible unit: 3, 7`, 'info'), `${T}：第 3、7 条没有写明牵头单位`],
      [d('no-responsibility', `${T}: 1 point(s) name no responsible unit: 7`, 'info'), `${T}：第 7 条没有写明牵头单位`],
      [d('numbering-gap', `${T}: point numbers are not continuous (1, 2, 4)`), `${T}：要点编号不连续（1、2、4）`],
      [d('duplicate-number', `${T}: point 5 appears twice`), `${T}：第 5 条出现了两次`],
      [d('no-points', `${T}: heading found but no numbered points`), `${T}：找到了标题，但没有编号的要点`],
      [d('repeated-fragments', `${T}: dropped 3 repeated fragment(s) of a scraped page`), `${T}：删去了 3 处网页上重复的片段`],
      [d('heading-missing', `${T}: heading not found, recognised by 9 of 12 point titles`), `${T}：文中没有找到标题，按 12 条要点中 9 条的标题认出了这份计划`],
      [d('trailing-text', `${T} point 4: dropped trailing text "附件：1.任务分解表"`, 'info'), `${T}：第 4 条末尾多出的文字已删去（“附件：1.任务分解表”）`],
      [d('traditional', 'converted 120 Traditional characters to Simplified', 'info'), '已将 120 个繁体字转为简体'],
      [d('encoding-gb18030', 'decoded as GBK/GB18030', 'info'), '按 GBK 编码读取'],
      [d('empty', 'the file is empty', 'error'), '文件是空的，没有可读的内容'],
      [d('binary', 'the file looks binary (control bytes), not a text document', 'error'), '不是文字文档（像是图片或其他二进制文件），无法读取'],
      [d('unknown-encoding', 'unknown text encoding: not UTF-8, UTF-16 or GBK/GB18030', 'error'), '无法识别文字编码（不是 UTF-8、UTF-16 或 GBK），无法读取'],
      [d('no-plans', 'no work-point plan found: …', 'error'), '没有找到工作要点：需要“某某县2026年……工作要点”这样的标题，以及（一）或 1. 编号的要点'],
    ]
    for (const [diagnostic, words] of cases)
      expect(diagnosticWords(diagnostic).words, diagnostic.code).toBe(words)
  })

  it('tells the level by a shape and a word, not colour alone', () => {
    expect(diagnosticWords(d('empty', 'the file is empty', 'error'))).toMatchObject({ mark: '✕', label: '无法读取' })
    expect(diagnosticWords(d('traditional', 'converted 1 Traditional characters to Simplified', 'info'))).toMatchObject({ mark: 'i', label: '已处理' })
  })

  it('never shows the English alone: an unknown code gets Chinese words, the English only as detail', () => {
    expect(diagnosticWords(d('docx-macro', 'the document holds macros, ignored', 'info'))).toEqual({ level: 'info', mark: 'i', label: '已处理', words: '已自动处理一处格式问题', detail: 'the document holds macros, ignored' })
    expect(diagnosticWords(d('pdf-scanned', 'page 3 is a scanned image', 'error')).words).toBe('这份文件无法读取')
    // A message in a shape the wording does not expect still reads in Chinese.
    expect(diagnosticWords(d('numbering-gap', 'point numbers jump')).words).toBe('要点编号不连续')
  })
})

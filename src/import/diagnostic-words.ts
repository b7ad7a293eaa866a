import type { Diagnostic } from '~/ingest/diagnostics'

/**
 * Diagnostics in plain Chinese for the import preview. The pipeline's `zh` line wins where it gives one; otherwise
 * the codes the pipeline and the readers use today are worded here, with the numbers read out of the English
 * message. A code this table does not know still gets Chinese words (by level), with the English kept as detail,
 * so the preview never shows the English alone.
 */

export interface DiagnosticWords {
  level: Diagnostic['level']
  /** The finding in Chinese. */
  words: string
  /** Shape and word for the level (never colour alone): ✕ 无法读取, ! 请核对, i 已处理. */
  mark: string
  label: string
  /** The English message, shown small, only where the words are generic. */
  detail?: string
}

const LEVELS: Record<Diagnostic['level'], { mark: string, label: string, generic: string }> = {
  error: { mark: '✕', label: '无法读取', generic: '这份文件无法读取' },
  warning: { mark: '!', label: '请核对', generic: '有一处内容需要核对' },
  info: { mark: 'i', label: '已处理', generic: '已自动处理一处格式问题' },
}

/** "1, 2, 4" → "1、2、4" */
const numberList = (text: string) => text.split(/\s*,\s*/).filter(Boolean).join('、')

/** The plan title that prefixes a message ("某某县…工作要点: …"), with the Chinese colon, or nothing. */
const titled = (title: string | undefined) => (title ? `${title}：` : '')

type Worder = (message: string) => string | undefined

const WORDERS: Record<string, Worder> = {
  'empty': () => '文件是空的，没有可读的内容',
  'binary': () => '不是文字文档（像是图片或其他二进制文件），无法读取',
  'unknown-encoding': () => '无法识别文字编码（不是 UTF-8、UTF-16 或 GBK），无法读取',
  'encoding-gb18030': () => '按 GBK 编码读取',
  'traditional': (m) => {
    const n = /converted (\d+) Traditional/.exec(m)?.[1]
    return n ? `已将 ${n} 个繁体字转为简体` : '已将繁体字转为简体'
  },
  'no-points': (m) => {
    const title = /^(.*): heading found but no numbered points/.exec(m)?.[1]
    return `${titled(title)}找到了标题，但没有编号的要点`
  },
  'repeated-fragments': (m) => {
    const hit = /^(.*): dropped (\d+) repeated fragment/.exec(m)
    return hit ? `${titled(hit[1])}删去了 ${hit[2]} 处网页上重复的片段` : '删去了网页上重复的片段'
  },
  'numbering-gap': (m) => {
    const hit = /^(.*): point numbers are not continuous \((.*)\)/.exec(m)
    return hit ? `${titled(hit[1])}要点编号不连续（${numberList(hit[2]!)}）` : '要点编号不连续'
  },
  'duplicate-number': (m) => {
    const hit = /^(.*): point (\d+) appears twice/.exec(m)
    return hit ? `${titled(hit[1])}第 ${hit[2]} 条出现了两次` : '有要点编号重复'
  },
  'no-responsibility': (m) => {
    const hit = /^(.*): \d+ point\(s\) name no responsible unit: (.*)$/.exec(m)
    return hit ? `${titled(hit[1])}第 ${numberList(hit[2]!)} 条没有写明牵头单位` : '有要点没有写明牵头单位'
  },
  'no-plans': () => '没有找到工作要点：需要“某某县2026年……工作要点”这样的标题，以及（一）或 1. 编号的要点',
  'heading-missing': (m) => {
    const hit = /^(.*): heading not found, recognised by (\d+) of (\d+)/.exec(m)
    return hit ? `${titled(hit[1])}文中没有找到标题，按 ${hit[3]} 条要点中 ${hit[2]} 条的标题认出了这份计划` : '文中没有找到计划标题'
  },
  'trailing-text': (m) => {
    const hit = /^(.*?) ?point (\d+): dropped trailing text "(.*)"$/.exec(m)
    return hit ? `${titled(hit[1])}第 ${hit[2]} 条末尾多出的文字已删去（“${hit[3]}”）` : '要点末尾多出的文字已删去'
  },
}

/** A diagnostic in Chinese: its `zh` line, the worded code, or generic words with the English as detail. */
export function diagnosticWords(d: Diagnostic): DiagnosticWords {
  const levelName = LEVELS[d.level] ? d.level : 'warning'
  const level = LEVELS[levelName]
  const base = { level: levelName, mark: level.mark, label: level.label }
  if (d.zh)
    return { ...base, words: d.zh }
  const words = WORDERS[d.code]?.(d.message)
  return words ? { ...base, words } : { ...base, words: level.generic, detail: d.message }
}

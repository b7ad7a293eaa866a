import type { Document, Element } from 'domhandler'
import { formatListNumber } from './numfmt'
import { child, descendants, elements } from './xml'

/**
 * Word's automatic numbering (numbering.xml, reached directly or through paragraph styles), replayed in document
 * order so a numbered paragraph gets back the text Word shows before it: 一、 （一） 1. 第一条 1.2 …
 */

interface Level {
  start: number
  format: string
  text: string
  /** lvlRestart: 0 never restarts; n restarts after levels 0…n-1 are used; undefined restarts after any shallower level. */
  restart?: number
  isLgl: boolean
  suffix: string
}

interface NumInstance {
  abstractId: string
  /** Per level: startOverride and/or a whole replacement level. */
  overrides: Map<number, { start?: number, level?: Level }>
}

interface StyleNumbering {
  basedOn?: string
  numId?: string
  ilvl?: number
}

function int(value: string | undefined): number | undefined {
  const n = value === undefined ? Number.NaN : Number.parseInt(value, 10)
  return Number.isFinite(n) ? n : undefined
}
const val = (el: Element | undefined, name: string): string | undefined => (el ? child(el, name)?.attribs['w:val'] : undefined)

function parseLevel(lvl: Element): Level {
  return {
    start: int(val(lvl, 'w:start')) ?? 0,
    format: val(lvl, 'w:numFmt') ?? 'decimal',
    text: val(lvl, 'w:lvlText') ?? '',
    restart: int(val(lvl, 'w:lvlRestart')),
    isLgl: child(lvl, 'w:isLgl') !== undefined && val(lvl, 'w:isLgl') !== '0',
    suffix: val(lvl, 'w:suff') ?? 'tab',
  }
}

/** Number text ending in one of these (一、 （一） 1. ①) is followed by the text at once; others (第一条) get a space. */
const CLOSING_MARK = /[、.．。,，:：)）\]】〕>》」』\u2460-\u24FF\u3251-\u325F\u32B1-\u32BF\s]$/

/** The numbering definitions of a document and the running counters of its lists. */
export class ListNumbering {
  private abstracts = new Map<string, { levels: Level[], styleLink?: string }>()
  private nums = new Map<string, NumInstance>()
  private styles = new Map<string, StyleNumbering>()
  private defaultStyle: string | undefined
  private counters = new Map<string, (number | undefined)[]>()
  /** pStyle links of levels: "abstractId:styleId" → ilvl. */
  private styleLevels = new Map<string, number>()

  constructor(numbering: Document | undefined, styles: Document | undefined) {
    for (const abs of numbering ? descendants(numbering, 'w:abstractNum') : []) {
      const levels: Level[] = []
      for (const lvl of elements(abs).filter(e => e.name === 'w:lvl')) {
        const ilvl = int(lvl.attribs['w:ilvl']) ?? levels.length
        levels[ilvl] = parseLevel(lvl)
        const style = val(lvl, 'w:pStyle')
        if (style)
          this.styleLevels.set(`${abs.attribs['w:abstractNumId']}:${style}`, ilvl)
      }
      this.abstracts.set(abs.attribs['w:abstractNumId'] ?? '', { levels, styleLink: val(abs, 'w:numStyleLink') })
    }
    for (const num of numbering ? descendants(numbering, 'w:num') : []) {
      const overrides = new Map<number, { start?: number, level?: Level }>()
      for (const o of elements(num).filter(e => e.name === 'w:lvlOverride')) {
        const lvl = child(o, 'w:lvl')
        overrides.set(int(o.attribs['w:ilvl']) ?? 0, { start: int(val(o, 'w:startOverride')), level: lvl ? parseLevel(lvl) : undefined })
      }
      this.nums.set(num.attribs['w:numId'] ?? '', { abstractId: val(num, 'w:abstractNumId') ?? '', overrides })
    }
    for (const style of styles ? descendants(styles, 'w:style') : []) {
      const id = style.attribs['w:styleId']
      if (!id || (style.attribs['w:type'] ?? 'paragraph') !== 'paragraph')
        continue
      const numPr = child(child(style, 'w:pPr') ?? style, 'w:numPr')
      this.styles.set(id, { basedOn: val(style, 'w:basedOn'), numId: val(numPr, 'w:numId'), ilvl: int(val(numPr, 'w:ilvl')) })
      if (style.attribs['w:default'] === '1' || style.attribs['w:default'] === 'true')
        this.defaultStyle = id
    }
  }

  /** The list a paragraph belongs to: its own numPr, else its style's (following basedOn); null when not numbered. */
  private listOf(pPr: Element | undefined): { numId: string, ilvl: number } | null {
    const numPr = pPr ? child(pPr, 'w:numPr') : undefined
    const ownNumId = val(numPr, 'w:numId')
    const ownIlvl = int(val(numPr, 'w:ilvl'))
    if (ownNumId !== undefined)
      return ownNumId === '0' ? null : { numId: ownNumId, ilvl: ownIlvl ?? 0 }
    const seen = new Set<string>()
    for (let id = val(pPr, 'w:pStyle') ?? this.defaultStyle; id && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id)
      const style = this.styles.get(id)
      if (style?.numId !== undefined)
        return style.numId === '0' ? null : { numId: style.numId, ilvl: ownIlvl ?? style.ilvl ?? this.levelOfStyle(style.numId, id) }
    }
    return null
  }

  /** A style linked to a list level by the level's pStyle takes that level (Word's multi-level heading lists). */
  private levelOfStyle(numId: string, styleId: string): number {
    const abs = this.abstractOf(numId)
    return (abs && this.styleLevels.get(`${abs.id}:${styleId}`)) ?? 0
  }

  /** The abstract definition behind a num, following a numStyleLink through its numbering style once. */
  private abstractOf(numId: string): { id: string, levels: Level[] } | undefined {
    const num = this.nums.get(numId)
    let id = num?.abstractId
    let abs = id === undefined ? undefined : this.abstracts.get(id)
    if (abs?.styleLink) {
      const linkedNum = this.styles.get(abs.styleLink)?.numId
      const linked = linkedNum === undefined ? undefined : this.nums.get(linkedNum)
      if (linked && this.abstracts.has(linked.abstractId)) {
        id = linked.abstractId
        abs = this.abstracts.get(id)
      }
    }
    return id !== undefined && abs ? { id, levels: abs.levels } : undefined
  }

  /**
   * Advances the paragraph's list counter and returns the number text Word shows before it (with the space that
   * Word's tab or space suffix stands for where the number does not end in a mark); null when not numbered.
   */
  next(pPr: Element | undefined): string | null {
    const list = this.listOf(pPr)
    if (!list)
      return null
    const num = this.nums.get(list.numId)
    const abs = this.abstractOf(list.numId)
    if (!num || !abs)
      return null
    const level = (i: number): Level | undefined => num.overrides.get(i)?.level ?? abs.levels[i]
    const start = (i: number): number => num.overrides.get(i)?.start ?? level(i)?.start ?? 0
    const def = level(list.ilvl)
    if (!def)
      return null
    // A num that overrides a start value is a list of its own; plain nums of one abstract numbering share counters.
    const hasStartOverride = [...num.overrides.values()].some(o => o.start !== undefined)
    const key = hasStartOverride ? `num:${list.numId}` : `abs:${abs.id}`
    const counters = this.counters.get(key) ?? []
    this.counters.set(key, counters)
    const current = counters[list.ilvl]
    counters[list.ilvl] = current === undefined ? start(list.ilvl) : current + 1
    for (let deeper = list.ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.restart
      if (restart === undefined || (restart !== 0 && list.ilvl < restart))
        counters[deeper] = undefined
    }
    if (def.format === 'bullet' || def.format === 'none')
      return def.format === 'none' && def.text !== '' && !/%\d/.test(def.text) ? def.text : ''
    const text = def.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1
      const format = def.isLgl ? 'decimal' : level(i)?.format ?? 'decimal'
      return formatListNumber(counters[i] ?? start(i), format)
    })
    return text !== '' && def.suffix !== 'nothing' && !CLOSING_MARK.test(text) ? `${text} ` : text
  }
}

/** Who carries a point: the trailing responsibility parenthesis read into lead units (牵头单位) and partners. */
export interface Responsibility {
  /** The whole parenthesis as written, with its brackets; "" when the point has none. */
  text: string
  leadUnits: string[]
  partnerUnits: string[]
}

// A responsibility parenthesis names who leads or carries the work; body parentheses such as （试行） never do.
const RESPONSIBILITY_WORDS = /牵头|负责|配合|责任单位|参与|协助|协同/
const LEAD = /(?:按职责)?(?:分别)?牵头(?:负责|落实)?$/
const CARRY = /(?:按职责分工|按职责|分别)?(?:负责落实|具体落实|负责|配合|参与|协助|协同|落实)$/
const COLLECTIVE = /^各|相关|有关|各级|成员单位|^[省市县区]直各?(?:单位|部门)$|^县市区|^市州|^区县|^(?:乡镇|街道)(?:人民政府|政府|办事处|（街道）|（乡镇）)?$|^乡镇（街道）/
const UNIT_END = /(?:[局厅委办院部行会室所处站队团署社馆台]|中心|政府|单位|部门|公司)$/
const UNIT_START = /^(?:[省市县区各]|国家|中央|人民|湖南|长株潭)/

const OPENER: Record<string, string> = { '）': '（', '〕': '〔', '】': '【', ']': '[' }
/** Labels that state who does a point: 牵头单位：… 责任单位：… 配合单位：… */
const LABEL = '牵头单位|牵头部门|主责单位|责任单位|责任部门|责任处室|配合单位|配合部门|协办单位|参与单位|协同单位|牵头领导|责任领导|分管领导|责任人|完成时限|时限要求|完成时间|时间节点'
/** Labels in a statement that name people or times, not units: read elsewhere or not at all. */
const NOT_UNITS = /^(?:牵头领导|责任领导|分管领导|责任人|完成时限|时限要求|完成时间|时间节点)$/
const LABEL_AT = new RegExp(`(?:${LABEL})[：:]`, 'g')
const LABEL_CLAUSE = new RegExp(`^(${LABEL})[：:](.*)$`)
// A bracket inside a point's text that only says who does that part: （县数据局负责落实）.
const INLINE = new RegExp(`^(?:(?:${LABEL})[：:].+|[^（）〔〕【】]{2,80}?(?:牵头负责|牵头|负责落实|按职责分工负责|负责|配合))$`)

/** The bracket closing at `close` (any of （） 〔〕 【】 []), matched with nesting; its opening offset or -1. */
function bracketStart(text: string, close: number): number {
  const closer = text[close]!
  const opener = OPENER[closer]
  if (!opener)
    return -1
  let depth = 0
  for (let i = close; i >= 0; i--) {
    if (text[i] === closer)
      depth++
    else if (text[i] === opener && --depth === 0)
      return i
  }
  return -1
}

/**
 * Finds the trailing statement of responsibility: a bracket ((…牵头) 〔牵头单位：…〕 【责任单位：…】, matched from the
 * end so nested ones such as 各区县（市）人民政府 stay inside), or labels ending the text (…。责任单位：…, as when
 * a separate 责任单位 line follows a point). Returns its start offset, or -1 when the text ends otherwise.
 */
export function findTrailingResponsibility(text: string): number {
  const trimmed = text.trimEnd().replace(/[。；;]$/, '')
  const start = bracketStart(trimmed, trimmed.length - 1)
  if (start >= 0)
    return RESPONSIBILITY_WORDS.test(trimmed.slice(start)) ? start : -1
  for (const m of trimmed.matchAll(LABEL_AT)) {
    if ((m.index === 0 || /[。；;，,\s]/.test(trimmed[m.index - 1]!)) && !trimmed.slice(m.index).includes('。'))
      return m.index
  }
  return -1
}

/** The statements in a responsibility text: each top-level bracket's inside, and unbracketed label text as is. */
function statements(text: string): string[] {
  const out: string[] = []
  let i = 0
  while (i < text.length) {
    const opener = text[i]!
    const closer = Object.keys(OPENER).find(c => OPENER[c] === opener)
    if (!closer) {
      const next = text.slice(i).search(/[（〔【[]/)
      const end = next < 0 ? text.length : i + next
      out.push(text.slice(i, end))
      i = end
      continue
    }
    let depth = 0
    let j = i
    for (; j < text.length; j++) {
      if (text[j] === opener)
        depth++
      else if (text[j] === closer && --depth === 0)
        break
    }
    out.push(text.slice(i + 1, j))
    i = j + 1
  }
  return out.map(t => t.trim()).filter(Boolean)
}

/** Where a point's text states responsibility: the trailing statement and brackets inside that only name who does what. */
export function findResponsibility(text: string): { parts: Array<{ start: number, end: number }> } {
  const trailing = findTrailingResponsibility(text)
  const limit = trailing >= 0 ? trailing : text.length
  const parts: Array<{ start: number, end: number }> = []
  for (let i = 0; i < limit; i++) {
    if (!OPENER[text[i]!])
      continue
    const start = bracketStart(text, i)
    if (start >= 0 && INLINE.test(text.slice(start + 1, i)) && !parts.some(p => p.start <= start && p.end > start))
      parts.push({ start, end: i + 1 })
  }
  // Only a bracket nested in nothing counts; keep the outermost of overlapping ones.
  const outer = parts.filter(p => !parts.some(q => q !== p && q.start < p.start && q.end >= p.end))
  // A stop after a trailing bracket belongs to the sentence, not to the responsibility.
  if (trailing >= 0)
    outer.push({ start: trailing, end: /[）〕】\]][。；;]\s*$/.test(text) ? text.trimEnd().length - 1 : text.length })
  return { parts: outer }
}

/** Splits "A、B和C等单位" into unit names; 和 splits only between two whole unit names (省政务服务和大数据中心 is one). */
function splitUnits(list: string): string[] {
  const parts = list
    .replace(/等(?:单位|部门|各单位)?$/, '')
    .split(/[、，,]/)
    .flatMap((part) => {
      const m = /^(.+?[局厅委办心院部行府位门会])[和及与](.+)$/.exec(part)
      return m && UNIT_END.test(m[1]!) && (UNIT_START.test(m[2]!) || isCollective(m[1]!)) ? [m[1]!, m[2]!] : [part]
    })
    .flatMap((part) => {
      // "省医保局等省直相关单位": a named unit followed by the collective it belongs to.
      const at = part.indexOf('等')
      return at > 0 && isCollective(part.slice(at + 1)) ? [part.slice(0, at), part.slice(at + 1)] : [part]
    })
    .map(part => part.trim().replace(/等$/, ''))
    .filter(part => part !== '')
  shareSuffix(parts)
  // "各市州、县市区人民政府" is one collective phrase split by the 、 above: join it back.
  const joined: string[] = []
  for (const part of parts) {
    const prev = joined.at(-1)
    if (prev !== undefined && prev.startsWith('各') && !UNIT_END.test(prev) && isCollective(part))
      joined[joined.length - 1] = `${prev}、${part}`
    else
      joined.push(part)
  }
  return joined
}

/** "长沙、岳阳、郴州市人民政府" names three governments: bare names borrow the last unit's suffix. */
function shareSuffix(parts: string[]): void {
  const suffix = /[市县区州]?(?:人民政府|政府|管委会)$/.exec(parts.at(-1) ?? '')?.[0]
  if (!suffix)
    return
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!
    if (UNIT_END.test(part) || isCollective(part) || part.length > 6)
      continue
    parts[i] = /[市县区州]$/.test(part) ? `${part}${suffix.replace(/^[市县区州]/, '')}` : `${part}${suffix}`
  }
}

function isCollective(unit: string): boolean {
  return COLLECTIVE.test(unit)
}

function pushUnique(list: string[], units: string[]) {
  for (const u of units) {
    if (!list.includes(u))
      list.push(u)
  }
}

/**
 * Reads a responsibility parenthesis by one rule: units named before 牵头 (or 分别牵头) lead; where none is
 * marked 牵头, the named units that 按职责分工负责 lead; collective phrases (省直相关单位, 各市州、县市区人民政府…) are partners.
 */
export function parseResponsibility(parenthesis: string): Responsibility {
  // Several statements (brackets inside the text, then the trailing one) are read together as one.
  const inner = statements(parenthesis).join('；')
  const leads: string[] = []
  const carriers: string[] = []
  const partners: string[] = []
  for (const clause of inner.split(/[。；;]/)) {
    const label = LABEL_CLAUSE.exec(clause.trim())
    if (label && NOT_UNITS.test(label[1]!))
      continue
    if (label) {
      const units = splitUnits(label[2]!.trim())
      pushUnique(/^(?:牵头|主责)/.test(label[1]!) ? leads : (label[1]!).startsWith('责任') ? carriers : partners, units)
      continue
    }
    if (/均为责任单位|为责任单位/.test(clause)) {
      pushUnique(partners, splitUnits(clause.replace(/[，,]?以下不再列出.*$/, '').replace(/均?为责任单位.*$/, '')))
      continue
    }
    for (const segment of clause.split(/[，,]/)) {
      const s = segment.trim()
      if (LEAD.test(s))
        pushUnique(leads, splitUnits(s.replace(LEAD, '')))
      else if (CARRY.test(s))
        pushUnique(carriers, splitUnits(s.replace(CARRY, '')))
    }
  }
  const leadUnits: string[] = []
  const partnerUnits: string[] = []
  const named = (units: string[]) => units.filter(u => !isCollective(u))
  const collective = (units: string[]) => units.filter(isCollective)
  pushUnique(leadUnits, named(leads))
  pushUnique(partnerUnits, collective(leads))
  if (leadUnits.length === 0)
    pushUnique(leadUnits, named(carriers))
  else
    pushUnique(partnerUnits, named(carriers))
  pushUnique(partnerUnits, collective(carriers))
  pushUnique(partnerUnits, partners)
  return { text: parenthesis, leadUnits, partnerUnits: partnerUnits.filter(u => !leadUnits.includes(u)) }
}

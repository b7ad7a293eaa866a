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
const CARRY = /(?:按职责分工|按职责|分别)?(?:负责|配合|参与|协助|协同|落实)$/
const COLLECTIVE = /^各|相关|有关|各级|成员单位|^[省市县区]直各?(?:单位|部门)$|^县市区|^市州|^区县|^乡镇|^街道/
const UNIT_END = /(?:[局厅委办院部行会室所处站队团署社馆台]|中心|政府|单位|部门|公司)$/
const UNIT_START = /^(?:[省市县区各]|国家|中央|人民|湖南|长株潭)/

/**
 * Finds the trailing parenthesis that states responsibility, matching brackets from the end so nested
 * ones (各区县（市）人民政府) stay inside. Returns its start offset, or -1 when the text ends otherwise.
 */
export function findTrailingResponsibility(text: string): number {
  const trimmed = text.trimEnd()
  if (!trimmed.endsWith('）'))
    return -1
  let depth = 0
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i]
    if (ch === '）')
      depth++
    else if (ch === '（' && --depth === 0)
      return RESPONSIBILITY_WORDS.test(trimmed.slice(i)) ? i : -1
  }
  return -1
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
  const inner = parenthesis.replace(/^（/, '').replace(/）$/, '')
  const leads: string[] = []
  const carriers: string[] = []
  const partners: string[] = []
  for (const clause of inner.split(/[。；;]/)) {
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

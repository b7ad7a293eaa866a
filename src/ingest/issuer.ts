import type { PlanLevel } from '../domain/plan'

/** Who issued a plan, read from the words before its year: 湖南省 · 长沙市芙蓉区 · 湖西省教育厅 · 国务院办公厅. */
export interface Issuer {
  /** The region the issuer governs or belongs to (湖南省, 长沙市芙蓉区); 全国 for national bodies; '' unknown. */
  region: string
  level: PlanLevel
}

const FIRST_REGION = /^[\u4E00-\u9FA5]{1,9}?(?:特别行政区|自治区|自治州|自治县|街道|新区|地区|[省市州盟县旗区镇乡])/
// Later parts need a name of two characters or more, and are no word that merely ends like a region (城乡, 社区…).
const LATER_REGION = /^[\u4E00-\u9FA5]{2,9}?(?:特别行政区|自治州|自治县|街道|新区|地区|[市州盟县旗区镇乡])/
const NOT_A_REGION = /[和与及的]|(?:城乡|社区|园区|景区|片区|矿区|林区|港区|老区|山区|城区|市区|郊区|校区|小区|辖区)$/
const NATIONAL = /^(?:国务院|中共中央|中央|全国|国家)/
// A government (or its general office) speaks for its region; any other body below it is a department.
const GOVERNMENT = /^(?:人民政府|政府)?(?:办公厅|办公室|政府办)?$|^(?:[党县市区镇乡省州]委|委员会|人大常委会|政协)?$/
const ORG_END = /(?:[厅局委办院处所站队部署会社馆台]|委员会|办公室|中心|公司|集团|学校|大学|医院|党组|支队|大队|总队)$/

function levelOfRegion(region: string): PlanLevel {
  if (/(?:省|自治区|特别行政区)$/.test(region) || /^(?:北京|上海|天津|重庆)市$/.test(region))
    return 'province'
  if (/(?:[县旗]|自治县|[^市]区)$/.test(region) && !region.endsWith('自治区'))
    return 'county'
  if (/(?:[市州盟]|自治州|地区)$/.test(region))
    return 'city'
  if (/(?:镇|乡|街道)$/.test(region))
    return 'town'
  return 'department'
}

/**
 * Reads an issuer: the regions it names in order (the most specific last) and what kind of body it is. Undefined
 * when the words are no issuer at all (a sentence, or navigation text a mirror put in place of the name).
 */
export function readIssuer(words: string): Issuer | undefined {
  if (words === '')
    return { region: '', level: 'department' }
  if (NATIONAL.test(words))
    return ORG_END.test(words) || words.startsWith('国务院') ? { region: '全国', level: 'national' } : undefined
  let rest = words
  let region = ''
  for (let m = FIRST_REGION.exec(rest); m && !NOT_A_REGION.test(m[0]); m = LATER_REGION.exec(rest)) {
    // "市场监管局" is not a region named 市: a part needs a name before its suffix.
    region += m[0]
    rest = rest.slice(m[0].length)
  }
  if (region === '') {
    // 省教育厅 and the like: a body of the province named by its level alone.
    return /^[省市县区]/.test(words) && ORG_END.test(words) ? { region: '', level: 'department' } : undefined
  }
  if (GOVERNMENT.test(rest))
    return { region, level: levelOfRegion(region) }
  return ORG_END.test(rest) ? { region, level: 'department' } : undefined
}

/** Word's list number formats (ST_NumberFormat), turned into the text a reader sees: 一 / （一） / ① / IV … */

const CN_DIGITS = '〇一二三四五六七八九'
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const STEMS = '甲乙丙丁戊己庚辛壬癸'
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥'

/**
 * A Chinese counting numeral (1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一). Word's chineseCounting and
 * chineseCountingThousand read the same for every number a plan's list reaches (the first hundreds).
 */
export function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千'], omitLeadingOne = true, zeroChar = '零'): string {
  if (n <= 0 || n >= 10000)
    return String(n)
  const figures = String(n).split('').map(Number)
  let out = ''
  let zero = false
  figures.forEach((d, i) => {
    const unit = units[figures.length - 1 - i]!
    if (d === 0) {
      zero = out !== ''
      return
    }
    if (zero)
      out += zeroChar
    zero = false
    // 十一, not 一十一, when ten leads the numeral (Chinese style); the legal style keeps 壹拾壹.
    out += omitLeadingOne && d === 1 && unit === units[1] && out === '' ? unit : digits[d]! + unit
  })
  return out
}

function letters(n: number, base: string): string {
  // Word repeats the letter past Z: AA, BB… (not spreadsheet-style AA, AB).
  const letter = base[(n - 1) % 26]!
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000)
    return String(n)
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let out = ''
  for (const [value, symbol] of table) {
    for (; n >= value; n -= value)
      out += symbol
  }
  return out
}

/** A code point run (①…⑳) where n falls in it, else the decimal number. */
function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n)
}

/** The text of number `n` in Word's number format `format` (unknown formats read as decimal). */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return ''
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz')
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n)
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).split('').map(d => CN_DIGITS[Number(d)]).join('')
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(n, CN_LEGAL_DIGITS, ['', '拾', '佰', '仟'], false)
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n)
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n <= 20 ? enclosed(n, 0x2460, 20) : n <= 35 ? String.fromCodePoint(0x3251 + n - 21) : n <= 50 ? String.fromCodePoint(0x32B1 + n - 36) : String(n)
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20)
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, d => String.fromCharCode(0xFF10 + Number(d)))
    default:
      return String(n)
  }
}

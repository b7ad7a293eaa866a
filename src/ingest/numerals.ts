const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/**
 * Parses a Chinese numeral as used to number sections and points (一 … 九十九).
 * Returns null for anything that is not a well-formed numeral, so "十四五" (a plan name) is never read as a number.
 */
export function parseChineseNumeral(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text)
  if (!m || text === '')
    return null
  const [, tens, ten, ones] = m
  if (!ten)
    return tens && !ones ? DIGITS[tens]! : null
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0)
}

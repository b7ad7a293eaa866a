import { isStorableText } from './storable-text'

/**
 * The password rules, shared by the account command, the admin API and sign-in (whose longest accepted
 * password must be the creation limit, or an account could be made that can never sign in).
 */

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

// Runs people type instead of a password: keyboard rows, the alphabet, digits (each also read backwards).
const SEQUENCES = [
  '01234567890123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  '1q2w3e4r5t6y7u8i9o0p',
  'qazwsxedcrfvtgbyhnujmikolp',
]

// The most used passwords of ten or more characters (shorter ones fail the length rule anyway), lower case.
const COMMON = new Set([
  'password123',
  'password12',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  'woaini1314520',
  '5201314520',
  '1314520520',
  'a123456789',
  'a1234567890',
  'aa123456789',
  'qq123456789',
  'abc1234567',
  'abcd123456',
  'abcd1234567',
  'abc123456789',
  'admin12345',
  'admin123456',
  'administrator',
  'qwerty1234',
  'qwerty12345',
  'qwer123456',
  'zxcvbnm123',
  'asdf123456',
  '1234567890a',
  '123456789a',
  '12345678910',
  '1234554321',
  '1234512345',
  '0987654321',
  '1122334455',
  '1234567890q',
  'qwe1234567',
  'q1w2e3r4t5',
  '1a2b3c4d5e',
  'changeme123',
  'welcome123',
  'welcome1234',
  'letmein123',
  'sunshine123',
  'football123',
  'baseball123',
  'superman123',
  'dragon1234',
  'monkey1234',
  'princess123',
  'trustno1234',
  'p@ssw0rd123',
  'p@ssword123',
  'zhang123456',
  'wang1234567',
  'li123456789',
  'huawei12345',
  'xiaomi12345',
  'china123456',
  'beijing2008',
  'hunan123456',
  'changsha123',
  'zwfw123456',
  'zwgk123456',
  'yaodiantong',
  'yaodiantong123',
])

/** True when the password is one character, or a run of a sequence (1234567890, abcdef…, qwerty…, backwards too). */
function isSequence(lower: string): boolean {
  if (new Set(lower).size === 1)
    return true
  const reversed = [...lower].reverse().join('')
  if (SEQUENCES.some(s => s.includes(lower) || s.includes(reversed)))
    return true
  // A steady step between neighbours: 13579…, 2468…, aceg…; digits also wrap around (1357913579, 2468024680).
  const codes = [...lower].map(ch => ch.codePointAt(0)!)
  const step = codes[1]! - codes[0]!
  if (Math.abs(step) <= 2 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step))
    return true
  if (/^\d+$/.test(lower) && codes.every((code, i) => i === 0 || (code - codes[i - 1]! - step) % 10 === 0))
    return true
  // A short unit repeated: abcabcabca, 1212121212…
  for (let unit = 2; unit <= 4; unit++) {
    const head = codes.slice(0, unit)
    if (codes.every((code, i) => code === head[i % unit]))
      return true
  }
  return false
}

/** Why a new password is not acceptable, in words for people (Chinese), or undefined when it is. */
export function passwordProblem(password: string, userName?: string): string | undefined {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH)
    return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`
  if (password.length > PASSWORD_MAX_LENGTH)
    return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`
  // Sign-in refuses such text (LoginRequestSchema), and a lone surrogate would be hashed as U+FFFD.
  if (!isStorableText(password))
    return '密码不能含有空字符或无法编码的字符'
  const lower = password.toLowerCase()
  if (new Set(lower).size === 1)
    return '密码不能全是同一个字符'
  if (isSequence(lower))
    return '密码不能是连续或重复的字符（如 1234567890、abcdefghij、qwertyuiop）'
  if (COMMON.has(lower))
    return '这是最常见的密码之一，请换一个'
  if (userName && userName.length > 0 && lower.includes(userName.toLowerCase()) && lower.length - userName.length < 4)
    return '密码不能只是用户名加几个字符'
  return undefined
}

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CreateUserRequestSchema, SetPasswordRequestSchema } from '../../src/domain/admin-api'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../src/domain/password-policy'
import { LoginRequestSchema } from '../../src/domain/sync-api'
import { PASSWORD } from './harness'

const E2E = fileURLToPath(new URL('../../tests/e2e/support/sync-server.ts', import.meta.url))

describe('password policy', () => {
  it('accepts the passwords the tests sign in with', () => {
    const e2e = /export const PASSWORD = '([^']+)'/.exec(readFileSync(E2E, 'utf8'))?.[1]
    expect(e2e).toBe('e2e-password-1')
    for (const password of [PASSWORD, e2e!, 'admin password 1', 'clerk password 1', '长沙市政务局打卡用的密码', 'Tr0ub4dor&3xyz'])
      expect(passwordProblem(password), password).toBeUndefined()
  })

  it('refuses short, uniform, sequential, repeated and common passwords, with a reason', () => {
    const cases: [string, RegExp][] = [
      ['', /至少需要 10 个字符/],
      ['abc12345', /至少需要 10 个字符/],
      ['😀😀😀😀😀😀😀😀😀', /至少需要 10 个字符/],
      ['aaaaaaaaaaaa', /全是同一个字符/],
      ['1111111111', /全是同一个字符/],
      ['1234567890', /连续或重复/],
      ['12345678901234', /连续或重复/],
      ['0987654321', /连续或重复/],
      ['abcdefghijk', /连续或重复/],
      ['ZYXWVUTSRQ', /连续或重复/],
      ['qwertyuiop', /连续或重复/],
      ['1qaz2wsx3edc', /连续或重复/],
      ['1357913579', /连续或重复/],
      ['2468024680', /连续或重复/],
      ['9753197531', /连续或重复/],
      ['abcabcabcabc', /连续或重复/],
      ['1212121212', /连续或重复/],
      ['password123', /最常见的密码/],
      ['Password123', /最常见的密码/],
      ['woaini1314', /最常见的密码/],
      [`${'a'.repeat(PASSWORD_MAX_LENGTH)}b`, /不能超过 256 个字符/],
      ['good password\u0000', /空字符/],
      ['good password\uD800', /空字符或无法编码/],
    ]
    for (const [password, reason] of cases)
      expect(passwordProblem(password), password).toMatch(reason)
    expect(passwordProblem('zhangsan12', 'zhangsan')).toMatch(/用户名/)
    expect(passwordProblem('zhangsan likes tea', 'zhangsan')).toBeUndefined()
    // Digits that merely look random are fine.
    expect(passwordProblem('7305918264')).toBeUndefined()
  })

  it('accepts at sign-in every length it accepts at creation', () => {
    const longest = Array.from({ length: PASSWORD_MAX_LENGTH }, (_, i) => 'correct horse battery staple '[i % 29]).join('')
    expect(longest).toHaveLength(PASSWORD_MAX_LENGTH)
    expect(passwordProblem(longest)).toBeUndefined()
    expect(LoginRequestSchema.safeParse({ name: 'x', password: longest }).success).toBe(true)
    expect(LoginRequestSchema.safeParse({ name: 'x', password: `${longest}x` }).success).toBe(false)
    expect(PASSWORD_MIN_LENGTH).toBe(10)
  })

  it('is what the admin schemas check, with the reason as the message', () => {
    const weak = SetPasswordRequestSchema.safeParse({ password: '1234567890' })
    expect(weak.error?.issues.map(i => [i.path.join('.'), i.message])).toEqual([['password', passwordProblem('1234567890')]])
    const nameAsPassword = CreateUserRequestSchema.safeParse({ name: 'zhangsan', unit: '长沙', password: 'ZhangSan12' })
    expect(nameAsPassword.error?.issues.map(i => i.path.join('.'))).toEqual(['password'])
    expect(CreateUserRequestSchema.safeParse({ name: 'wangwu', unit: '长沙', password: PASSWORD }).data).toEqual({ name: 'wangwu', unit: '长沙', admin: false, password: PASSWORD })
  })
})

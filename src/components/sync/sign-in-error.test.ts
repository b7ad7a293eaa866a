import { describe, expect, it } from 'vitest'
import { AuthError, HttpError, NetworkError } from '~/sync/sync-errors'
import { describeSignInError } from './sign-in-error'

describe('describeSignInError', () => {
  it('words each failure the form can meet', () => {
    expect(describeSignInError(new AuthError('x'), true)).toContain('用户名或密码不正确')
    expect(describeSignInError(new HttpError(429, 'too many'), true)).toContain('尝试次数过多')
    expect(describeSignInError(new HttpError(429, 'too many', 42), true)).toContain('请等 42 秒后再试')
    expect(describeSignInError(new HttpError(429, 'too many', 90), true)).toContain('请等 2 分钟后再试')
    expect(describeSignInError(new HttpError(403, 'account disabled'), true)).toContain('此账号已停用')
    expect(describeSignInError(new NetworkError('reset'), true)).toContain('连接不上')
    expect(describeSignInError(new HttpError(503, 'down'), true)).toContain('暂时不可用（503）')
    expect(describeSignInError(new HttpError(400, 'bad name'), true)).toBe('登录被拒绝（400）：bad name')
  })

  it('says offline first, whatever the error, when the device has no network', () => {
    expect(describeSignInError(new NetworkError('offline'), false)).toContain('当前离线')
    expect(describeSignInError(new AuthError('x'), false)).toContain('当前离线')
  })
})

import { AuthError, HttpError, NetworkError } from '~/sync/sync-errors'

/** Why sign-in failed, in words for the form (never a raw status code alone). */
export function describeSignInError(error: unknown, online: boolean): string {
  if (!online)
    return '当前离线，请联网后再登录。打卡和收藏仍会保存在本机。'
  if (error instanceof AuthError)
    return '用户名或密码不正确，请重新输入。'
  if (error instanceof HttpError && error.status === 429)
    return '登录尝试次数过多，请稍等一分钟后再试。'
  if (error instanceof NetworkError)
    return '连接不上同步服务器，请检查网络后再试。'
  if (error instanceof HttpError && error.status >= 500)
    return `同步服务器暂时不可用（${error.status}），请稍后再试。`
  if (error instanceof HttpError)
    return `登录被拒绝（${error.status}）：${error.message}`
  return `登录失败：${error instanceof Error ? error.message : String(error)}`
}

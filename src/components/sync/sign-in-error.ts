import { AuthError, HttpError, NetworkError } from '~/sync/sync-errors'

function waitWords(seconds: number | undefined): string {
  if (seconds === undefined)
    return '稍等一分钟'
  if (seconds < 60)
    return `等 ${Math.max(1, seconds)} 秒`
  return `等 ${Math.ceil(seconds / 60)} 分钟`
}

/** Why sign-in failed, in words for the form (never a raw status code alone). */
export function describeSignInError(error: unknown, online: boolean): string {
  if (!online)
    return '当前离线，请联网后再登录。打卡和收藏仍会保存在本机。'
  if (error instanceof AuthError)
    return '用户名或密码不正确，请重新输入。'
  if (error instanceof HttpError && error.status === 429)
    return `这个账号的登录尝试次数过多，为防止密码被猜中已暂停登录，请${waitWords(error.retryAfter)}后再试。`
  if (error instanceof HttpError && error.status === 403)
    return '此账号已停用，请联系单位管理员。'
  if (error instanceof NetworkError)
    return '连接不上同步服务器，请检查网络后再试。'
  if (error instanceof HttpError && error.status >= 500)
    return `同步服务器暂时不可用（${error.status}），请稍后再试。`
  if (error instanceof HttpError)
    return `登录被拒绝（${error.status}）：${error.message}`
  return `登录失败：${error instanceof Error ? error.message : String(error)}`
}

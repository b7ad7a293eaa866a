/** The request never got an answer: offline, DNS, connection reset, or the server went away mid-request. */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** The server refused the token (missing, expired or revoked): the user must sign in again. */
export class AuthError extends Error {
  override name = 'AuthError'
}

/** Any other non-2xx answer, with the server's message. */
export class HttpError extends Error {
  override name = 'HttpError'
  /** `retryAfter`: seconds the server asked to wait (Retry-After), where it said; `code`: its error code, if any. */
  constructor(readonly status: number, message: string, readonly retryAfter?: number, readonly code?: string) {
    super(message)
  }
}

/** Words for the UI: what went wrong, in Chinese. */
export function describeSyncError(error: unknown): string {
  if (error instanceof NetworkError)
    return '网络不可用，稍后自动重试'
  if (error instanceof AuthError)
    return '登录已失效，请重新登录'
  if (error instanceof HttpError)
    return error.status >= 500 ? `服务器暂时不可用（${error.status}），稍后自动重试` : `请求被拒绝（${error.status}）：${error.message}`
  return `同步出错：${error instanceof Error ? error.message : String(error)}`
}

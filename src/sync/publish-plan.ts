import type { SyncApiClient } from './sync-api-client'
import { markPlanPublished } from '~/db/local-plans'
import { getStoredPlan } from '~/db/stored-plan'
import { expireSession, getSession } from './session'
import { AuthError, describeSyncError, HttpError } from './sync-errors'

export type PublishOutcome
  = | { kind: 'published', version: string }
    | { kind: 'signed-out' }
    | { kind: 'auth-expired' }
    | { kind: 'not-admin' }
    | { kind: 'not-local' }
    | { kind: 'failed', message: string }

/**
 * 发布到服务器: an admin sends a plan imported on this device to the server (PUT /api/admin/plans). Once accepted
 * it is a server plan here too, so the changes held for it may go up; colleagues get it with their next sync.
 */
export async function publishLocalPlan(client: SyncApiClient, planId: string): Promise<PublishOutcome> {
  const session = await getSession()
  if (!session)
    return { kind: 'signed-out' }
  if (session.expired)
    return { kind: 'auth-expired' }
  if (!session.user.admin)
    return { kind: 'not-admin' }
  const plan = await getStoredPlan(planId)
  if (plan?.origin !== 'local')
    return { kind: 'not-local' }
  try {
    // The copy on the server says where it is served from, so every device stores it as a server plan.
    const answer = await client.publishPlan(session.token, { ...plan, origin: 'server' })
    await markPlanPublished(planId)
    return { kind: 'published', version: answer.version }
  }
  catch (error) {
    if (error instanceof AuthError) {
      await expireSession(session.token)
      return { kind: 'auth-expired' }
    }
    if (error instanceof HttpError && error.status === 403)
      return { kind: 'not-admin' }
    return { kind: 'failed', message: describeSyncError(error) }
  }
}

/** A publish outcome in words for the plan page. */
export function describePublishOutcome(outcome: PublishOutcome): string {
  switch (outcome.kind) {
    case 'published':
      return '已发布到服务器：同事下次同步时即可收到，本机在这份计划上的打卡和收藏随后上传。'
    case 'signed-out':
      return '请先在“我的”页登录管理员账号。'
    case 'auth-expired':
      return '登录已失效，请在“我的”页重新登录后再发布。'
    case 'not-admin':
      return '只有管理员账号可以发布计划。'
    case 'not-local':
      return '这份计划不是本机导入的，无需发布。'
    case 'failed':
      return `发布失败：${outcome.message}`
  }
}

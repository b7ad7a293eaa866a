import type { OwnerDataCounts } from '~/db/owner-data'

/** The unsynced warning of 退出登录, in words (counts never shown as colour or icon alone). */
export function unsyncedWarning(name: string, counts: OwnerDataCounts): string {
  if (counts.pending === 0)
    return `${name} 的打卡和收藏都已同步到服务器。`
  return `${name} 还有 ${counts.pending} 条更改未同步。退出后它们仍保存在本机，其他人登录看不到，${name} 再次登录后会继续上传。`
}

/** The confirmation of 退出并清除本机数据, naming what goes. */
export function clearConfirmation(name: string, counts: OwnerDataCounts): string {
  const parts = [`${counts.checkins} 条打卡记录`, `${counts.favorites} 条收藏`]
  if (counts.setApart > 0)
    parts.push(`${counts.setApart} 条未能同步的更改`)
  const what = `将从本机删除 ${name} 的 ${parts.join('、')}`
  return counts.pending > 0
    ? `${what}。其中 ${counts.pending} 条更改尚未同步到服务器，删除后无法恢复。`
    : `${what}。已同步的记录仍在服务器上，再次登录即可取回。`
}

/** What is left after 先同步再退出 could not send everything. */
export function syncBeforeSignOutFailed(pending: number, detail: string): string {
  return `还有 ${pending} 条更改未能同步（${detail}），所以没有退出。可以稍后再试，或直接退出（记录保留在本机）。`
}

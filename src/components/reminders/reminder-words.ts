import type { NotificationState } from '~/reminders/permission'

/** What 我的 says about how reminders will reach the user, in plain words. Pure. */
export interface ReminderNoticeInput {
  on: boolean
  elder: boolean
  permission: NotificationState | undefined
  /** The browser took the periodic background check (installed app on Chromium). */
  background: boolean
}

export const BANNER_FALLBACK = '提醒改为每天首次打开应用时显示在首页顶部。'

export function reminderNotice(input: ReminderNoticeInput): { text: string, warn: boolean } {
  if (!input.on)
    return { text: '开启后，收藏或本单位的要点临近截止时提醒您，每天最多一次。', warn: false }
  if (input.elder)
    return { text: '长辈模式下不弹出通知：提醒每天首次打开应用时显示在首页顶部。', warn: false }
  switch (input.permission) {
    case 'granted':
      return input.background
        ? { text: '已开启：临近截止时发送通知，每天最多一次；点通知可查看这些要点。', warn: false }
        : { text: '已开启：每天首次打开应用时发送通知，每天最多一次。此浏览器不支持在后台定时提醒。', warn: false }
    case 'denied':
      return { text: `浏览器已禁止本站发送通知，${BANNER_FALLBACK}如需通知，请在浏览器的网站设置里允许通知。`, warn: true }
    case 'unsupported':
      return { text: `此浏览器不支持通知，${BANNER_FALLBACK}`, warn: true }
    default:
      return { text: `尚未允许通知，${BANNER_FALLBACK}`, warn: true }
  }
}

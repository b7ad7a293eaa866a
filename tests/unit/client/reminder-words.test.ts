import { describe, expect, it } from 'vitest'
import { reminderNotice } from '~/components/reminders/reminder-words'

describe('reminderNotice', () => {
  const on = { on: true, elder: false, background: false }
  it('says how reminders will arrive, and warns when notifications cannot', () => {
    expect(reminderNotice({ ...on, on: false, permission: 'granted' }).text).toMatch(/^开启后/)
    expect(reminderNotice({ ...on, permission: 'granted', background: true })).toEqual({ text: expect.stringMatching(/^已开启：临近截止时发送通知/), warn: false })
    expect(reminderNotice({ ...on, permission: 'granted' }).text).toContain('不支持在后台定时提醒')
    expect(reminderNotice({ ...on, permission: 'denied' })).toEqual({ text: expect.stringMatching(/^浏览器已禁止本站发送通知.*首页顶部.*允许通知/), warn: true })
    expect(reminderNotice({ ...on, permission: 'unsupported' })).toEqual({ text: expect.stringMatching(/^此浏览器不支持通知/), warn: true })
    expect(reminderNotice({ ...on, permission: 'default' }).warn).toBe(true)
  })
  it('in 长辈模式 promises banners only, whatever the permission', () => {
    expect(reminderNotice({ ...on, elder: true, permission: 'denied' })).toEqual({ text: expect.stringMatching(/^长辈模式下不弹出通知/), warn: false })
  })
})

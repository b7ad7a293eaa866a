import { beforeEach, describe, expect, it } from 'vitest'
import { addCheckin, setFavorite } from '~/db/actions'
import { db } from '~/db/db'
import { META_KEYS } from '~/db/meta'
import { replacePlanData } from '~/db/plan-data-loader'
import { claimReminderDay, getLastReminderDay, getReminderSettings, updateReminderSettings } from '~/db/reminder-meta'
import { findReminder } from '~/db/reminders'
import { DEFAULT_REMINDER_SETTINGS } from '~/domain/reminder-settings'
import { resetDb, samplePlanData } from './fixtures'

// The sample data: hunan-2023-zwfw-1 and -3 are due 2023-06-30 (the 省政务局 leads both), changsha-2023-zwgk-1
// 2023-12-31. In China, 2023-06-28 09:00 is two days before.
const NOW = new Date('2023-06-28T09:00:00+08:00')

beforeEach(async () => {
  await resetDb()
  await replacePlanData(samplePlanData())
})

describe('reminders from what is stored', () => {
  it('are off until turned on, and keep their settings in meta', async () => {
    expect(await getReminderSettings()).toEqual(DEFAULT_REMINDER_SETTINGS)
    await setFavorite('hunan-2023-zwfw-1', true, NOW)
    expect(await findReminder(NOW)).toEqual({ kind: 'off' })
    await updateReminderSettings({ on: true, leadDays: 1 })
    expect((await db.meta.get(META_KEYS.reminderSettings))?.value).toMatchObject({ on: true, leadDays: 1 })
    // Two days ahead is beyond 1 day, within 3.
    expect((await findReminder(NOW)).kind).toBe('nothing')
    await updateReminderSettings({ leadDays: 3 })
    expect(await findReminder(NOW)).toMatchObject({ kind: 'remind', day: '2023-06-28', items: [{ id: 'hunan-2023-zwfw-1', daysLeft: 2 }], overdue: 0 })
  })

  it('take 我的单位 from the account, else from the unit picked on this device, and leave out done points', async () => {
    await updateReminderSettings({ on: true, leadDays: 3, favorites: false, unit: true, pickedUnit: '湖南省政务局' })
    const ids = async () => {
      const r = await findReminder(NOW)
      return r.kind === 'remind' ? r.items.map(i => i.id) : []
    }
    expect(await ids()).toEqual(['hunan-2023-zwfw-1', 'hunan-2023-zwfw-3'])
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'in_progress', progress: 50, note: '' }, new Date('2023-06-01T00:00:00Z'))
    await addCheckin({ pointId: 'hunan-2023-zwfw-3', status: 'done', progress: 100, note: '' }, new Date('2023-06-02T00:00:00Z'))
    expect(await ids()).toEqual(['hunan-2023-zwfw-1'])
    await db.meta.put({ key: META_KEYS.session, value: { token: 't', expiresAt: '2099-01-01T00:00:00Z', expired: false, user: { name: 'li', unit: '长沙市政务公开办' } } })
    expect(await ids()).toEqual([])
  })

  it('are shown once a day, whichever path claims the day first', async () => {
    await setFavorite('hunan-2023-zwfw-1', true, NOW)
    await updateReminderSettings({ on: true, leadDays: 7 })
    const first = await findReminder(NOW)
    expect(first.kind).toBe('remind')
    const claims = await Promise.all([claimReminderDay('2023-06-28'), claimReminderDay('2023-06-28')])
    expect(claims.sort()).toEqual([false, true])
    expect(await getLastReminderDay()).toBe('2023-06-28')
    expect(await findReminder(NOW)).toEqual({ kind: 'shown-today' })
    // The next China day (16:00 UTC) reminds again.
    expect((await findReminder(new Date('2023-06-28T16:00:00Z'))).kind).toBe('remind')
  })
})

import { describe, expect, it } from 'vitest'
import { isReminderNotification, openReminder } from '~/reminders/sw-reminders'

const SCOPE = 'https://ydt.example.cn/app/'

/** A service worker scope with `windows` open, recording what a tap on the notification does. */
function worker(windows: { navigable: boolean }[]) {
  const log: string[] = []
  const clients = windows.map((w, i) => ({
    focus: async () => void log.push(`focus ${i}`),
    navigate: async (url: string) => {
      if (!w.navigable)
        throw new TypeError('not controlled')
      log.push(`navigate ${i} ${url}`)
    },
  }))
  const sw = {
    registration: { scope: SCOPE },
    clients: {
      matchAll: async () => clients,
      openWindow: async (url: string) => void log.push(`open ${url}`),
    },
  } as unknown as ServiceWorkerGlobalScope
  return { sw, log }
}

function notification(data: unknown) {
  let closed = false
  return { n: { data, tag: 'x', close: () => void (closed = true) } as unknown as Notification, closed: () => closed }
}

describe('a tap on a reminder notification', () => {
  it('reuses an open window of the app, at the reminded list', async () => {
    const { sw, log } = worker([{ navigable: true }])
    const { n, closed } = notification({ path: '/list?kind=ids&ids=a,b' })
    await openReminder(sw, n)
    expect(closed()).toBe(true)
    expect(log).toEqual(['focus 0', `navigate 0 ${SCOPE}list?kind=ids&ids=a,b`])
  })

  it('opens a window when none is open, or none can be navigated', async () => {
    const none = worker([])
    await openReminder(none.sw, notification({ path: '/favorites' }).n)
    expect(none.log).toEqual([`open ${SCOPE}favorites`])
    const stale = worker([{ navigable: false }])
    await openReminder(stale.sw, notification({ path: '/favorites' }).n)
    expect(stale.log).toEqual(['focus 0', `open ${SCOPE}favorites`])
  })

  it('never leaves the app: a path elsewhere, or none, opens its start', async () => {
    for (const data of [{ path: 'https://elsewhere.example/x' }, { path: '//elsewhere.example/x' }, { path: 42 }, null]) {
      const { sw, log } = worker([])
      await openReminder(sw, notification(data).n)
      expect(log[0]!.startsWith(`open ${SCOPE}`), JSON.stringify(data)).toBe(true)
      expect(new URL(log[0]!.slice(5)).origin).toBe('https://ydt.example.cn')
    }
  })

  it('only reminder notifications are taken', () => {
    expect(isReminderNotification({ tag: 'other' } as Notification)).toBe(false)
  })
})

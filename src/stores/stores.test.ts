import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDeckPositionsStore } from './deck-positions'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('settings store', () => {
  it('starts 长辈模式 at 20px and grows with the font size setting', () => {
    const settings = useSettingsStore()
    expect(settings.bodyPx).toBe(16)
    settings.toggleElderMode()
    expect(settings.elderMode).toBe(true)
    expect(settings.bodyPx).toBe(20)
    settings.fontSize = 'large'
    expect(settings.bodyPx).toBe(22)
    settings.fontSize = 'xlarge'
    expect(settings.bodyPx).toBe(24)
    settings.toggleElderMode()
    expect(settings.bodyPx).toBe(20)
  })
})

describe('deck positions store', () => {
  it('remembers the last position per deck key', () => {
    const store = useDeckPositionsStore()
    store.set('theme:a', { pointId: 'p1', index: 0 })
    store.set('theme:a', { pointId: 'p4', index: 3 })
    store.set('plan:b', { pointId: 'q2', index: 1 })
    expect(store.get('theme:a')).toEqual({ pointId: 'p4', index: 3 })
    expect(store.get('plan:b')).toEqual({ pointId: 'q2', index: 1 })
    expect(store.get('favorites:deadline')).toBeUndefined()
  })

  it('drops the least recently used decks beyond 200', () => {
    const store = useDeckPositionsStore()
    for (let i = 0; i < 200; i++)
      store.set(`ids:${i}`, { pointId: `p${i}`, index: i })
    store.set('ids:0', { pointId: 'p0', index: 0 }) // used again: now the newest
    store.set('ids:new', { pointId: 'x', index: 0 })
    expect(store.get('ids:0')).toBeDefined()
    expect(store.get('ids:1')).toBeUndefined()
    expect(store.get('ids:2')).toBeDefined()
    expect(store.get('ids:new')).toBeDefined()
  })
})

describe('ui store', () => {
  it('counts an open 打卡 form as editing', () => {
    const ui = useUiStore()
    expect(ui.editing).toBe(false)
    ui.openCheckin('p1')
    expect(ui.editing).toBe(true)
    expect(ui.checkinPointId).toBe('p1')
    ui.closeCheckin()
    expect(ui.editing).toBe(false)
  })
})

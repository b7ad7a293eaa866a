import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { DeckSource } from '~/domain/deck'
import { computed, toValue } from 'vue'
import { usePlans, useThemesWithCounts } from './usePlans'

/** A deck's (or its list's) title in words: the theme's name, the plan's title, 我的收藏 … */
export function useDeckTitle(source: MaybeRefOrGetter<DeckSource>): ComputedRef<string> {
  const themes = useThemesWithCounts()
  const plans = usePlans()
  const title = (s: DeckSource): string => {
    switch (s.kind) {
      case 'theme':
        return themes.value?.find(t => t.theme.id === s.id)?.theme.name ?? '主题'
      case 'plan': {
        const plan = plans.value?.find(p => p.id === s.id)?.title ?? '工作要点'
        return s.sectionNo !== undefined ? `${plan} · 第${s.sectionNo}部分` : plan
      }
      case 'search':
        return `搜索：${s.q}`
      case 'favorites':
        return '我的收藏'
      case 'due':
        return '临近截止'
      case 'ids':
        return '要点卡片'
      case 'unit':
        return '我的单位'
      case 'filtered':
        return title(s.base)
    }
  }
  return computed(() => title(toValue(source)))
}

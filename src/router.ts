import { createWebHistory } from 'vue-router'
import { createAppRouter } from './routes'

export const router = createAppRouter(createWebHistory(import.meta.env.BASE_URL))

// On the way to a deck, its ids and first cards are read while the deck page's code loads (in parallel, not after).
router.beforeEach((to) => {
  if (to.name === 'deck')
    void import('./composables/deck-prefetch').then(m => m.prefetchDeck(to.query)).catch(() => undefined)
})

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title && title !== '要点通' ? `${title} · 要点通` : '要点通'
})

import type { RouteRecordRaw } from 'vue-router'
import { createRouter, createWebHistory } from 'vue-router'
import HomePage from './pages/HomePage.vue'

// 首页 is in the first-load bundle; every other screen loads on demand (150 KB budget).
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { title: '要点通', tab: 'home' } },
  { path: '/themes', name: 'themes', component: () => import('./pages/ThemesPage.vue'), meta: { title: '主题', tab: 'themes' } },
  { path: '/favorites', name: 'favorites', component: () => import('./pages/FavoritesPage.vue'), meta: { title: '我的收藏', tab: 'favorites' } },
  { path: '/me', name: 'me', component: () => import('./pages/MePage.vue'), meta: { title: '我的', tab: 'me' } },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue'), meta: { title: '搜索' } },
  { path: '/plan/:id', name: 'plan', component: () => import('./pages/PlanPage.vue'), meta: { title: '工作要点' } },
  { path: '/deck', name: 'deck', component: () => import('./pages/DeckPage.vue'), meta: { title: '要点卡片' } },
  { path: '/list', name: 'list', component: () => import('./pages/ListPage.vue'), meta: { title: '要点列表' } },
  { path: '/import', name: 'import', component: () => import('./pages/ImportPage.vue'), meta: { title: '导入文件' } },
  { path: '/point/:id', name: 'point', component: () => import('./pages/PointPage.vue'), meta: { title: '要点详情' } },
  { path: '/about', name: 'about', component: () => import('./pages/AboutPage.vue'), meta: { title: '关于', tab: 'me' } },
  { path: '/help', name: 'help', component: () => import('./pages/HelpPage.vue'), meta: { title: '使用帮助', tab: 'me' } },
  { path: '/privacy', name: 'privacy', component: () => import('./pages/PrivacyPage.vue'), meta: { title: '隐私说明', tab: 'me' } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// On the way to a deck, its ids and first cards are read while the deck page's code loads (in parallel, not after).
router.beforeEach((to) => {
  if (to.name === 'deck')
    void import('./composables/deck-prefetch').then(m => m.prefetchDeck(to.query)).catch(() => undefined)
})

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title && title !== '要点通' ? `${title} · 要点通` : '要点通'
})

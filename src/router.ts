import { createWebHistory } from 'vue-router'
import { createAppRouter } from './routes'

export const router = createAppRouter(createWebHistory(import.meta.env.BASE_URL))

router.afterEach((to) => {
  const title = typeof to.meta.title === 'string' ? to.meta.title : ''
  document.title = title && title !== '要点通' ? `${title} · 要点通` : '要点通'
})

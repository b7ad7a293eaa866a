import { createPinia } from 'pinia'
import { createSSRApp } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { renderToString } from 'vue/server-renderer'
import App from '../App.vue'
import { createAppRouter } from '../routes'

/**
 * 首页 as a fresh visitor first sees it, as HTML: the build's themes and plans, 临近截止 as placeholders (no
 * IndexedDB here). Built and run by scripts/vite-plugin-prerender.ts after the client build; the client's first
 * render draws the same, so mounting over it moves nothing.
 */
export async function renderHome(base: string): Promise<string> {
  const app = createSSRApp(App)
  app.use(createPinia())
  const router = createAppRouter(createMemoryHistory(base))
  app.use(router)
  await router.push('/')
  await router.isReady()
  return renderToString(app)
}

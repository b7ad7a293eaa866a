import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { afterPrerenderPaint } from './modules/after-prerender-paint'
import { install as installInstallPrompt } from './modules/install-prompt'
import { install as installPlanData } from './modules/plan-data'
import { stylesheetsReady } from './modules/stylesheets-ready'
import { router } from './router'

const app = createApp(App)
app.use(createPinia())
app.use(router)
// Before mount only what must catch an early event (the install prompt fires once, soon after load).
installInstallPrompt(app)
// The prerendered 首页 is already on screen: the app takes over once its paint is reported, and each step after
// that runs in a task of its own, so no single task holds the main thread for the whole start. It also waits for the
// full stylesheet, which loads after that paint.
void Promise.all([afterPrerenderPaint(), stylesheetsReady()]).then(() => {
  app.mount('#app')
  // After the first screen, off the first-load chunk: nothing here blocks mount, and IndexedDB opens only now.
  setTimeout(() => {
    installPlanData(app)
    void Promise.all([import('./modules/sync'), import('./modules/persistent-storage'), import('./modules/import-warmup')])
      .then(modules => modules.forEach(module => module.install(app)))
  }, 0)
})

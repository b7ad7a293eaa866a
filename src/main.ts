import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { install as installInstallPrompt } from './modules/install-prompt'
import { install as installPlanData } from './modules/plan-data'
import { router } from './router'

const app = createApp(App)
app.use(createPinia())
app.use(router)
// Before mount only what must catch an early event (the install prompt fires once, soon after load).
installInstallPrompt(app)
app.mount('#app')
// After the first screen, off the first-load chunk: nothing here blocks mount, and IndexedDB opens only now.
installPlanData(app)
void Promise.all([import('./modules/sync'), import('./modules/persistent-storage'), import('./modules/import-warmup')])
  .then(modules => modules.forEach(module => module.install(app)))

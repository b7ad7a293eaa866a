import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { install as installImportWarmup } from './modules/import-warmup'
import { install as installInstallPrompt } from './modules/install-prompt'
import { install as installPersistentStorage } from './modules/persistent-storage'
import { install as installPlanData } from './modules/plan-data'
import { install as installSync } from './modules/sync'
import { router } from './router'

const app = createApp(App)
app.use(createPinia())
app.use(router)
for (const install of [installInstallPrompt, installPlanData, installPersistentStorage, installSync, installImportWarmup])
  install(app)
app.mount('#app')

import { ref } from 'vue'

// virtual:pwa-register/vue for the build's prerender: no service worker there, so no update to announce.
export function useRegisterSW() {
  return { needRefresh: ref(false), offlineReady: ref(false), updateServiceWorker: async (_reload?: boolean) => {} }
}

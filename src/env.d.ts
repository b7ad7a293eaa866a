/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent<object, object, unknown>
  export default component
}

interface ImportMetaEnv {
  /** True only in the build's prerender of 首页 (scripts/prerender/render-home.ts): no document, no IndexedDB. */
  readonly PRERENDER?: boolean
}

// Emitted by scripts/vite-plugin-plan-data.ts: the plan data built from seeds/ as a content-hashed asset.
declare module 'virtual:plan-data' {
  import type { PlanSummary } from '~/domain/plan-summary'

  /** Content hash of the plan data; changes whenever the data changes. */
  export const planDataVersion: string
  /** URL of the JSON asset (PlanData), relative to the app base. */
  export const planDataUrl: string
  /** The themes with their point counts (a kilobyte): 首页 draws its grid at once, before IndexedDB answers. */
  export const planDataThemes: Array<{ id: string, name: string, icon: string, count: number }>
  /** The build's plans as 首页 lists them, in its order: the list is drawn at once, prerendered and before IndexedDB answers. */
  export const planDataPlans: PlanSummary[]
}

// Emitted by scripts/vite-plugin-shared-workers.ts: the app's own workers, built with the app so they share its chunks.
declare module 'virtual:worker-urls' {
  export const searchWorkerUrl: string
  export const planDataWorkerUrl: string
}

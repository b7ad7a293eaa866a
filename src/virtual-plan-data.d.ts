// Emitted by scripts/vite-plugin-plan-data.ts: the plan data built from seeds/ as a content-hashed asset.
declare module 'virtual:plan-data' {
  /** Content hash of the plan data; changes whenever the data changes. */
  export const planDataVersion: string
  /** URL of the JSON asset (PlanData), relative to the app base. */
  export const planDataUrl: string
  /** How many themes the data has: the home page reserves their tiles before the data arrives. */
  export const planDataThemeCount: number
}

import type { PreviewServer } from './support/server'
import { DIST_A, DIST_B, e2ePort, MARKER_A, MARKER_B } from './support/env'
import { buildApp, startPreview } from './support/server'

let server: PreviewServer | undefined

// Two builds that differ only in their marker: the update spec deploys B over A.
export async function setup(): Promise<void> {
  await Promise.all([buildApp(DIST_A, MARKER_A), buildApp(DIST_B, MARKER_B)])
  server = await startPreview(DIST_A, e2ePort(0))
}

export async function teardown(): Promise<void> {
  await server?.close()
}

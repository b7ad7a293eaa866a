import { join } from 'node:path'
import { ARTIFACTS } from './server'

/**
 * Ports 4310–4339 by default; E2E_PORT_BASE moves the whole block, so two checkouts can run their browser tests
 * side by side. `e2ePort(n)` is the n-th port of the block.
 */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 4310)
export const e2ePort = (n: number): number => PORT_BASE + n
/** Served by the global setup with `vite preview` for every spec. */
export const BASE_URL = `http://127.0.0.1:${e2ePort(0)}`
/** Port of the update spec's own server (it swaps the directory it serves). */
export const UPDATE_PORT = e2ePort(1)
export const DIST_A = join(ARTIFACTS, 'dist-a')
export const DIST_B = join(ARTIFACTS, 'dist-b')
export const MARKER_A = 'e2e-a'
export const MARKER_B = 'e2e-b'

import { join } from 'node:path'
import { ARTIFACTS } from './server'

/** Served by the global setup with `vite preview` for every spec. */
export const BASE_URL = 'http://127.0.0.1:4310'
/** Port of the update spec's own server (it swaps the directory it serves). */
export const UPDATE_PORT = 4311
export const DIST_A = join(ARTIFACTS, 'dist-a')
export const DIST_B = join(ARTIFACTS, 'dist-b')
export const MARKER_A = 'e2e-a'
export const MARKER_B = 'e2e-b'

import type { ChildProcess } from 'node:child_process'
import { execFile, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
export const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url))
const VITE = fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url))

/** `vite build` into outDir; `marker` becomes VITE_BUILD_MARKER (shown in 我的 → 应用版本). */
export async function buildApp(outDir: string, marker: string): Promise<void> {
  await promisify(execFile)(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, VITE_BUILD_MARKER: marker },
    maxBuffer: 64 * 1024 * 1024,
  })
}

/** Waits until something answers HTTP on the port. */
// Generous: `vite preview` loads the whole vite.config first, which takes long on a loaded CI machine.
async function waitForHttp(url: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const res = await fetch(url)
      if (res.ok)
        return
    }
    catch {}
    await new Promise(r => setTimeout(r, 200))
  }
  throw new Error(`server at ${url} did not start`)
}

export interface PreviewServer {
  url: string
  close: () => Promise<void>
}

/** Serves a built directory with `vite preview` (files are re-read per request, so a swapped directory is served at once). */
export async function startPreview(outDir: string, port: number): Promise<PreviewServer> {
  const child: ChildProcess = spawn(process.execPath, [VITE, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/`)
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null)
        return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

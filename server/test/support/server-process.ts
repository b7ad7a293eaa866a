import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** The first port in [from, to] nothing listens on at 127.0.0.1. */
export function freePort(from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const attempt = (port: number) => {
      if (port > to)
        return reject(new Error(`no free port in ${from}-${to}`))
      const probe = createServer()
      probe.once('error', () => attempt(port + 1))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)))
    }
    attempt(from)
  })
}

/** Polls `check` every 25 ms until it returns something other than undefined/false; throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false)
      return value
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

/** A directory with an index.html, so `npm start` finds a build and runs no vite. */
export function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-dist-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>要点通</title>')
  return dir
}

/** GET `url` as JSON over a new connection each time (a kept-alive one would always reach the same cluster worker). */
export function getFresh<T>(url: string): Promise<{ status: number, body: T }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, timeout: 3_000 }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T })
        }
        catch (error) {
          reject(error)
        }
      })
      res.on('error', reject)
    })
    req.once('timeout', () => req.destroy(new Error(`no answer from ${url}`)))
    req.once('error', reject)
  })
}

export interface Exit { code: number | null, signal: NodeJS.Signals | null }

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string
  exited: Promise<Exit>
  /** Sends `signal` (SIGTERM) and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<Exit>
}

/** Runs `server/main.ts` (what `npm start` runs) with `env` added to ours; resolves once it exits. */
export function spawnMain(env: Record<string, string>): Omit<ServerProcess, 'url'> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  const exited = new Promise<Exit>(resolve => child.once('exit', (code, signal) => resolve({ code, signal })))
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill(signal)
    return exited
  }
  return { child, output: () => output, exited, stop }
}

/**
 * Starts `server/main.ts` on a free port in [from, to] and waits (generously: a loaded CI machine) until
 * /api/health/live answers. A port taken between the probe and the listen moves it to the next one.
 */
export async function startMain(env: Record<string, string>, ports: [number, number]): Promise<ServerProcess> {
  let from = ports[0]
  for (;;) {
    const port = await freePort(from, ports[1])
    const server = spawnMain({ ...env, PORT: String(port) })
    const url = `http://127.0.0.1:${port}`
    let gone: Exit | undefined
    void server.exited.then((exit) => {
      gone = exit
    })
    await waitFor(`a server on port ${port}`, async () => {
      if (gone)
        return true
      return (await getFresh(`${url}/api/health/live`).catch(() => undefined))?.status === 200
    }, 60_000)
    if (!gone)
      return { ...server, url }
    if (!server.output().includes('EADDRINUSE'))
      throw new Error(`server exited with ${gone.code ?? gone.signal}:\n${server.output()}`)
    from = port + 1
  }
}

import type { LoadOptions } from './server-throughput'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export interface Instance { url: string, stop: () => Promise<void> }

/**
 * One sync server process (sync-server-process.ts) on the first free port of `o.ports`; `seed` says whether it
 * migrates and seeds the store (only the first of several instances on one store does).
 */
async function startInstance(env: Record<string, string>, o: LoadOptions, seed: boolean): Promise<Instance> {
  // BENCH_NODE_ARGS: extra flags for the server processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', fileURLToPath(new URL('./sync-server-process.ts', import.meta.url))], {
    env: {
      ...process.env,
      ...env,
      BENCH_PORTS: o.ports.join(','),
      BENCH_SEED: seed ? '1' : '0',
      ...(o.workers ? { WORKERS: String(o.workers) } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null)
      child.kill('SIGTERM')
    await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000))])
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        const m = /^listening (\S+)$/m.exec(out)
        if (m)
          resolve(m[1]!)
      })
      child.once('exit', code => reject(new Error(`bench server exited (${code}) before listening`)))
    })
    return { url, stop }
  }
  catch (error) {
    await stop()
    throw error
  }
}

/** `o.instances` independent servers on one store, started one after another so each takes its own port. */
export async function startInstances(env: Record<string, string>, o: LoadOptions): Promise<Instance[]> {
  const started: Instance[] = []
  try {
    for (let i = 0; i < (o.instances ?? 1); i++)
      started.push(await startInstance(env, o, i === 0))
    return started
  }
  catch (error) {
    await Promise.all(started.map(s => s.stop()))
    throw error
  }
}

import type { RunningServer } from '../../server/server'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { startServer } from '../../server/server'
import { ensurePlanData } from '../../server/storage/plans'
import { migrate } from '../../server/store/migrate'
import { openPgliteStore } from '../../server/store/pglite'
import { buildPlanDataFromDir } from '../seed-plan-data'

/**
 * Serves a build with the real server (its static handler, cache and security headers) over a scratch PGlite store
 * seeded like `npm start` does (so /api/plans answers), on the first free loopback port of `ports`; the store's
 * directory is removed on close.
 */
export async function serveDist(distDir: string, ports: number[]): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ydt-bench-serve-'))
  const store = await openPgliteStore(join(dir, 'pglite'))
  await migrate(store)
  await ensurePlanData(store, async () => (await buildPlanDataFromDir(fileURLToPath(new URL('../../seeds', import.meta.url)))).data)
  for (const port of ports) {
    const server = await startServer({ store, logger: pino({ level: 'warn' }), distDir, port, host: '127.0.0.1' }).catch(() => undefined)
    if (server) {
      return {
        ...server,
        close: async () => {
          await server.close()
          rmSync(dir, { recursive: true, force: true })
        },
      }
    }
  }
  await store.close()
  rmSync(dir, { recursive: true, force: true })
  throw new Error(`no free port in ${ports.join(', ')}`)
}

// The first visit as the server sends it, the same measurement as `npm run bench -- --only load` (without the
// static-page baseline): a byte-counting proxy in front of the real server, a fresh Chromium profile opening `/`,
// counted until the service worker's precache is complete. Exits 1 over the 250 KB / 30 KB targets.
// Usage: npx vite build && npx tsx scripts/measure-initial-load.ts [distDir]
import { resolve } from 'node:path'
import { figureLine } from './bench/figures'
import { measureInitialTransfer } from './bench/initial-transfer'
import { serveDist } from './bench/serve-dist'

async function main() {
  const dist = resolve(process.argv[2] ?? 'dist')
  const server = await serveDist(dist, [4330, 4331, 4332, 4333, 4334])
  try {
    const notes: string[] = []
    const figures = await measureInitialTransfer({ upstream: server.url, distDir: dist, port: 4336, notes })
    for (const f of figures)
      console.log(figureLine(f))
    for (const n of notes)
      console.log(n)
    if (figures.some(f => f.target && !f.target.met))
      process.exitCode = 1
  }
  finally {
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

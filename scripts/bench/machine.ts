import { execFileSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memoryGiB: number
  node: string
  chromium: string
  date: string
  loadAverage: string
}

/** What the figures were measured on; the load average is taken at the start and the end of the run. */
export function describeMachine(chromiumPath = '/usr/bin/chromium'): Machine {
  let chromium = 'unknown'
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  }
  catch {}
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3 * 10) / 10,
    node: process.version,
    chromium,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAverage: loadavg().map(n => n.toFixed(2)).join(', '),
  }
}

export function currentLoad(): string {
  return loadavg().map(n => n.toFixed(2)).join(', ')
}

import type { Figure } from './figures'
import type { StoreResult } from './server-throughput'
import { atLeast, atMost } from './figures'
import { percentile } from './server-throughput'

/** Figures for the 200-client load on each store, each beside GET /api/health on the same server and store. */
export function serverFigures(pglite: StoreResult, pg: StoreResult | undefined, batch: number): Figure[] {
  const figures: Figure[] = []
  const pgliteRate = rate(pglite)
  for (const r of [pglite, pg]) {
    if (!r)
      continue
    const row = r.rows.at(-1)!
    const health = r.health
    const section = `${r.store}: ${row.clients} concurrent clients on loopback, batches of ${batch} check-ins, a pull every 5th push, ${row.seconds.toFixed(1)} s`
    const healthName = `GET /api/health, ${health.clients} clients`
    const accepted = row.accepted / row.seconds
    const isPg = r === pg
    figures.push({
      section,
      name: 'accepted check-ins/s',
      value: accepted,
      unit: 'check-ins/s',
      digits: 0,
      baseline: isPg
        ? { name: 'PGlite, same run', value: pgliteRate }
        : { name: `${healthName} × ${batch} (ceiling of a request)`, value: health.requests / health.seconds * batch },
      target: isPg ? atLeast(accepted, 6000, '≥ 6,000 (twice the PGlite target; issue 13 asks ≥ 3,000)') : atLeast(accepted, 3000, '≥ 3,000'),
      note: `${row.pushes.toLocaleString('en-US')} pushes, ${row.failures} failed${row.errors.length ? ` (${row.errors.slice(0, 3).join('; ')})` : ''}; load generator CPU ${Math.round(row.loadCpu * 100)} % of the machine`,
    }, {
      section,
      name: 'accepted check-ins/s per GET /api/health req/s',
      value: accepted / (health.requests / health.seconds),
      unit: '×',
      digits: 2,
      target: isPg ? atLeast(accepted / (health.requests / health.seconds), 5, '≥ 5× (issue 13)') : undefined,
    }, {
      section,
      name: 'push requests/s',
      value: row.pushes / row.seconds,
      unit: 'req/s',
      digits: 0,
      baseline: { name: healthName, value: health.requests / health.seconds },
    }, {
      section,
      name: 'push latency p50',
      value: percentile(row.pushMs, 0.5),
      unit: 'ms',
      baseline: { name: healthName, value: percentile(health.ms, 0.5) },
    }, {
      section,
      name: 'push latency p99',
      value: percentile(row.pushMs, 0.99),
      unit: 'ms',
      baseline: { name: healthName, value: percentile(health.ms, 0.99) },
      target: isPg ? atMost(percentile(row.pushMs, 0.99), 250, '≤ 250 ms (issue 13)') : atMost(percentile(row.pushMs, 0.99), 100, '≤ 100 ms'),
    }, {
      section,
      name: 'pull throughput',
      value: row.pulls / row.seconds,
      unit: 'pulls/s',
      digits: 0,
      baseline: { name: healthName, value: health.requests / health.seconds, unit: 'req/s' },
    }, {
      section,
      name: 'pull latency p50 / p99',
      value: percentile(row.pullMs, 0.5),
      unit: 'ms',
      baseline: { name: healthName, value: percentile(health.ms, 0.5) },
      note: `p99 ${percentile(row.pullMs, 0.99).toFixed(1)} ms`,
    })
  }
  return figures
}

function rate(r: StoreResult): number {
  const row = r.rows.at(-1)!
  return row.accepted / row.seconds
}

import type { Plugin } from 'vite'
import type { PlanSummary } from '../src/domain/plan-summary'
import { fileURLToPath } from 'node:url'
import { comparePlans } from '../src/db/plans'
import { PlanDataSchema } from '../src/domain/plan'
import { summarizePlan } from '../src/domain/plan-summary'
import { buildPlanDataFromDir } from './seed-plan-data'

const VIRTUAL_ID = 'virtual:plan-data'
const RESOLVED_ID = `\0${VIRTUAL_ID}`
const seedsDir = fileURLToPath(new URL('../seeds', import.meta.url))

/**
 * Turns seeds/ into the plan data the app ships: a content-hashed JSON asset
 * (data/plan-data.<version>.json) and a tiny virtual module naming it, so the
 * first-load bundle never carries the data itself.
 */
export function planDataPlugin(): Plugin {
  let json = ''
  let version = ''
  let fileName = ''
  let themes: Array<{ id: string, name: string, icon: string, count: number }> = []
  let plans: PlanSummary[] = []
  const load = async () => {
    // Validated here so a bad seed fails the build rather than reaching a phone.
    const data = PlanDataSchema.parse((await buildPlanDataFromDir(seedsDir)).data)
    const points = data.plans.flatMap(p => p.sections.flatMap(s => s.points))
    themes = data.themes.map(t => ({ id: t.id, name: t.name, icon: t.icon, count: points.filter(p => p.themes.includes(t.id)).length }))
    // In 首页's order (the order the stored plans are listed in), so the list does not reorder when they arrive.
    plans = data.plans.map(summarizePlan).sort(comparePlans)
    json = JSON.stringify(data)
    version = data.version
    fileName = `data/plan-data.${version}.json`
  }
  return {
    name: 'yaodiantong:plan-data',
    async buildStart() {
      await load()
      this.addWatchFile(seedsDir)
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined
    },
    load(id) {
      if (id !== RESOLVED_ID)
        return undefined
      return `export const planDataVersion = ${JSON.stringify(version)}\nexport const planDataUrl = ${JSON.stringify(fileName)}\nexport const planDataThemes = ${JSON.stringify(themes)}\nexport const planDataPlans = ${JSON.stringify(plans)}\n`
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.includes('/data/plan-data.'))
          return next()
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.end(json)
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName, source: json })
    },
  }
}

import type { PlanData } from '~/domain/plan'

/** Where plan data comes from: a URL the importer fetches itself, or data already in hand (the server's answer). */
export type PlanDataInput = { url: string } | { data: PlanData }

/** What the plan-data worker is asked: store one input as the build's or the server's data. */
export type PlanDataRequest = PlanDataInput & { source: 'build' | 'server' }

/** The worker's answer: the version now stored, or why nothing changed. */
export type PlanDataReply = { ok: true, version: string } | { ok: false, message: string }

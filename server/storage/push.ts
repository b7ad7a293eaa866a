import type { Checkin, Favorite, Mutation } from '../../src/domain/progress'
import type { MutationResult, RejectReason } from '../../src/domain/sync-api'
import type { Queryable, Store } from '../store/store'
import type { User } from './users'

type Outcome = { status: 'accepted' } | { status: 'rejected', reason: RejectReason }
type CheckinMutation = Extract<Mutation, { kind: 'checkin.create' }>

/** Thrown inside a push transaction when a concurrent push of the same user took a mutation id first; the push is retried. */
class MutationIdRace extends Error {}

const ACCEPTED: Outcome = { status: 'accepted' }
const rejected = (reason: RejectReason): Outcome => ({ status: 'rejected', reason })
const pointOf = (m: Mutation): string => m.kind === 'checkin.create' ? m.checkin.pointId : m.favorite.pointId

function canonical(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

interface StoredCheckin { id: string, point_id: string, status: string, progress: number, note: string, created_at: Date | string, device_id: string }

function sameCheckin(row: StoredCheckin, c: Checkin): boolean {
  return row.point_id === c.pointId && row.status === c.status && row.progress === c.progress
    && row.note === c.note && row.device_id === c.deviceId && new Date(row.created_at).getTime() === Date.parse(c.createdAt)
}

/**
 * Inserts new check-ins in one statement; one outcome per mutation. Check-ins are append-only: an id is never
 * overwritten. Ids are the user's own: another user's check-in with the same id is neither seen nor touched.
 */
async function insertCheckins(tx: Queryable, user: User, mutations: CheckinMutation[]): Promise<Outcome[]> {
  const firstById = new Map<string, Checkin>()
  for (const { checkin } of mutations) {
    if (!firstById.has(checkin.id.toLowerCase()))
      firstById.set(checkin.id.toLowerCase(), checkin)
  }
  const fresh = [...firstById.entries()]
  const column = <T>(pick: (c: Checkin) => T) => fresh.map(([, c]) => pick(c))
  const inserted = new Set((await tx.query<{ id: string }>(
    `insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
     select id, $2, point_id, status, progress, note, created_at, device_id, $3
       from unnest($1::uuid[], $4::text[], $5::text[], $6::int[], $7::text[], $8::timestamptz[], $9::text[])
            as t (id, point_id, status, progress, note, created_at, device_id)
     on conflict (user_id, id) do nothing returning id::text as id`,
    [fresh.map(([id]) => id), user.id, user.unit, column(c => c.pointId), column(c => c.status), column(c => c.progress), column(c => c.note), column(c => c.createdAt), column(c => c.deviceId)],
  )).map(row => row.id))
  const taken = fresh.filter(([id]) => !inserted.has(id)).map(([id]) => id)
  const existing = new Map(taken.length === 0
    ? []
    : (await tx.query<StoredCheckin>(
        `select id::text as id, point_id, status, progress, note, created_at, device_id
           from checkins where user_id = $1 and id = any($2::uuid[])`,
        [user.id, taken],
      )).map(row => [row.id, row]))
  return mutations.map(({ checkin }) => {
    const id = checkin.id.toLowerCase()
    const first = firstById.get(id)!
    // The same event sent again is fine; other content under a taken id is refused.
    const row = existing.get(id)
    if (row)
      return sameCheckin(row, checkin) ? ACCEPTED : rejected('check-in id taken')
    return first === checkin || canonical(first) === canonical(checkin) ? ACCEPTED : rejected('check-in id taken')
  })
}

async function upsertFavorite(tx: Queryable, user: User, favorite: Favorite): Promise<Outcome> {
  // Last writer wins on (updatedAt, deviceId); an older write is accepted and simply loses.
  await tx.query(
    `insert into favorites (user_id, point_id, is_on, updated_at, device_id) values ($1, $2, $3, $4, $5)
     on conflict (user_id, point_id) do update
       set is_on = excluded.is_on, updated_at = excluded.updated_at, device_id = excluded.device_id, seq = nextval('change_seq')
       where (favorites.updated_at, favorites.device_id) < (excluded.updated_at, excluded.device_id)`,
    [user.id, favorite.pointId, favorite.on, favorite.updatedAt, favorite.deviceId],
  )
  return ACCEPTED
}

async function pushInTransaction(tx: Queryable, user: User, mutations: Mutation[], concurrent: boolean): Promise<MutationResult[]> {
  // Pushes of one unit take turns, so change_seq values become visible in order and a
  // pull cursor never skips a row committed late (a pull only shows one unit's rows).
  // PGlite runs one transaction at a time anyway.
  if (concurrent)
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`unit:${user.unit}`])
  // Mutation ids are the user's own, like check-in ids: another user's never shows here.
  const stored = new Map((await tx.query<{ id: string, payload: unknown, status: string, reason: RejectReason | null }>(
    'select id::text as id, payload, status, reason from mutations where user_id = $1 and id = any($2::uuid[])',
    [user.id, [...new Set(mutations.map(m => m.id.toLowerCase()))]],
  )).map(row => [row.id, row]))
  const known = new Set((await tx.query<{ point_id: string }>(
    'select point_id from plan_points where point_id = any($1::text[])',
    [[...new Set(mutations.map(pointOf))]],
  )).map(row => row.point_id))

  // The first mutation of each new id is applied; repeats are answered like it (or refused when they differ).
  const firsts = new Map<string, number>()
  mutations.forEach((m, i) => {
    const id = m.id.toLowerCase()
    if (!stored.has(id) && !firsts.has(id))
      firsts.set(id, i)
  })
  const outcomes = new Map<number, Outcome>()
  const checkins: { index: number, mutation: CheckinMutation }[] = []
  for (const index of firsts.values()) {
    const mutation = mutations[index]!
    if (!known.has(pointOf(mutation)))
      outcomes.set(index, rejected('unknown point'))
    else if (mutation.kind === 'checkin.create')
      checkins.push({ index, mutation })
  }
  const checkinOutcomes = checkins.length > 0 ? await insertCheckins(tx, user, checkins.map(c => c.mutation)) : []
  checkins.forEach((c, i) => outcomes.set(c.index, checkinOutcomes[i]!))
  for (const index of firsts.values()) {
    const mutation = mutations[index]!
    if (!outcomes.has(index) && mutation.kind === 'favorite.set')
      outcomes.set(index, await upsertFavorite(tx, user, mutation.favorite))
  }

  const recorded = [...firsts.entries()].map(([id, index]) => ({ id, index, outcome: outcomes.get(index)! }))
  if (recorded.length > 0) {
    const inserted = await tx.query(
      `insert into mutations (id, user_id, payload, status, reason)
       select id, $2, payload::jsonb, status, reason from unnest($1::uuid[], $3::text[], $4::text[], $5::text[]) as t (id, payload, status, reason)
       on conflict (user_id, id) do nothing returning 1`,
      [
        recorded.map(r => r.id),
        user.id,
        recorded.map(r => JSON.stringify(mutations[r.index])),
        recorded.map(r => r.outcome.status),
        recorded.map(r => (r.outcome.status === 'rejected' ? r.outcome.reason : null)),
      ],
    )
    if (inserted.length !== recorded.length)
      throw new MutationIdRace()
  }

  return mutations.map((mutation, index) => {
    const id = mutation.id.toLowerCase()
    const previous = stored.get(id)
    if (previous) {
      // jsonb reorders keys, so a stored payload is compared by value, not by text.
      const same = canonical(previous.payload) === canonical(mutation)
      if (!same)
        return { id: mutation.id, ...rejected('mutation id reused') }
      return { id: mutation.id, ...(previous.status === 'accepted' ? ACCEPTED : rejected(previous.reason!)) }
    }
    const first = firsts.get(id)!
    if (first !== index && canonical(mutations[first]) !== canonical(mutation))
      return { id: mutation.id, ...rejected('mutation id reused') }
    return { id: mutation.id, ...outcomes.get(first)! }
  })
}

/** Applies a batch of mutations for `user` in one transaction; one result per mutation, in order. Idempotent on mutation ids. */
export async function pushMutations(store: Store, user: User, mutations: Mutation[]): Promise<MutationResult[]> {
  if (mutations.length === 0)
    return []
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(tx => pushInTransaction(tx, user, mutations, store.kind === 'postgres'))
    }
    catch (error) {
      // Pushes of one unit take turns, so only a push of the same user made just before an admin moved them to
      // another unit can race us to a mutation id; the retry sees its row and answers from it.
      if (!(error instanceof MutationIdRace) || attempt >= 3)
        throw error
    }
  }
}

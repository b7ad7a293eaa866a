import type { Checkin, Favorite, Mutation } from '../../src/domain/progress'
import type { MutationResult, RejectReason } from '../../src/domain/sync-api'
import type { Queryable, Store } from '../store/store'
import type { User } from './users'

type Outcome = { status: 'accepted' } | { status: 'rejected', reason: RejectReason }
type CheckinMutation = Extract<Mutation, { kind: 'checkin.create' }>

/** One user's mutations, as one push (or several pushes of that user, concatenated) sent them. */
export interface UserPush { user: User, mutations: Mutation[] }

/** Thrown inside a push transaction when a concurrent push of the same user took a mutation id first; the push is retried. */
class MutationIdRace extends Error {}

const ACCEPTED: Outcome = { status: 'accepted' }
const rejected = (reason: RejectReason): Outcome => ({ status: 'rejected', reason })
const pointOf = (m: Mutation): string => m.kind === 'checkin.create' ? m.checkin.pointId : m.favorite.pointId
// Ids are the user's own, so every lookup inside a group is keyed by (user, id).
const keyOf = (userId: string, id: string) => `${userId}/${id.toLowerCase()}`

function canonical(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

interface StoredCheckin { user_id: string, id: string, point_id: string, status: string, progress: number, note: string, created_at: Date | string, device_id: string }

function sameCheckin(row: StoredCheckin, c: Checkin): boolean {
  return row.point_id === c.pointId && row.status === c.status && row.progress === c.progress
    && row.note === c.note && row.device_id === c.deviceId && new Date(row.created_at).getTime() === Date.parse(c.createdAt)
}

// A repeat inside one group is judged like a repeat of a stored row, so several pushes of one user answer the same
// together in a group as one after another.
const asStored = (c: Checkin): StoredCheckin => ({ user_id: '', id: c.id, point_id: c.pointId, status: c.status, progress: c.progress, note: c.note, created_at: c.createdAt, device_id: c.deviceId })

interface PendingCheckin { user: User, checkin: Checkin }

/**
 * Inserts the new check-ins of every push in one statement; one outcome per entry. Check-ins are append-only: an
 * id is never overwritten. Ids are the user's own: another user's check-in with the same id is neither seen nor touched.
 */
async function insertCheckins(tx: Queryable, pending: PendingCheckin[]): Promise<Outcome[]> {
  const firstByKey = new Map<string, PendingCheckin>()
  for (const p of pending) {
    const key = keyOf(p.user.id, p.checkin.id)
    if (!firstByKey.has(key))
      firstByKey.set(key, p)
  }
  const fresh = [...firstByKey.values()]
  const column = <T>(pick: (p: PendingCheckin) => T) => fresh.map(pick)
  const inserted = new Set((await tx.query<{ user_id: string, id: string }>(
    `insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
     select * from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])
     on conflict (user_id, id) do nothing returning user_id::text as user_id, id::text as id`,
    [column(p => p.checkin.id.toLowerCase()), column(p => p.user.id), column(p => p.checkin.pointId), column(p => p.checkin.status), column(p => p.checkin.progress), column(p => p.checkin.note), column(p => p.checkin.createdAt), column(p => p.checkin.deviceId), column(p => p.user.unit)],
  )).map(row => keyOf(row.user_id, row.id)))
  const taken = fresh.filter(p => !inserted.has(keyOf(p.user.id, p.checkin.id)))
  const existing = new Map(taken.length === 0
    ? []
    : (await tx.query<StoredCheckin>(
        `select c.user_id::text as user_id, c.id::text as id, point_id, status, progress, note, created_at, device_id
           from checkins c join unnest($1::bigint[], $2::uuid[]) as t (user_id, id) using (user_id, id)`,
        [taken.map(p => p.user.id), taken.map(p => p.checkin.id.toLowerCase())],
      )).map(row => [keyOf(row.user_id, row.id), row]))
  return pending.map(({ user, checkin }) => {
    const key = keyOf(user.id, checkin.id)
    const first = firstByKey.get(key)!
    // The same event sent again is fine; other content under a taken id is refused.
    const row = existing.get(key)
    if (row)
      return sameCheckin(row, checkin) ? ACCEPTED : rejected('check-in id taken')
    return first.checkin === checkin || sameCheckin(asStored(first.checkin), checkin) ? ACCEPTED : rejected('check-in id taken')
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

interface StoredMutation { user_id: string, id: string, payload: unknown, status: string, reason: RejectReason | null }

/** What one push's mutations became: the first of each new id, and its outcome once decided. */
interface Plan { push: UserPush, firsts: Map<string, number>, outcomes: Map<number, Outcome> }

/** `pushes` must name distinct users: several pushes of one user are concatenated into one entry first. */
async function pushGroupInTransaction(tx: Queryable, pushes: UserPush[], concurrent: boolean): Promise<MutationResult[][]> {
  // Pushes of one unit take turns, so change_seq values become visible in order and a pull cursor never skips a
  // row committed late (a pull only shows one unit's rows). A group takes every unit's lock in one order (by the
  // lock key), so two groups never wait on each other crosswise. PGlite runs one transaction at a time anyway.
  const lock = () => tx.query(
    `select pg_advisory_xact_lock(k) from (select distinct hashtext(u) as k from unnest($1::text[]) as u order by k) as locks`,
    [pushes.map(p => `unit:${p.user.unit}`)],
  )
  const ids = pushes.flatMap(p => [...new Set(p.mutations.map(m => m.id.toLowerCase()))].map(id => ({ userId: p.user.id, id })))
  const storedRows = () => tx.query<StoredMutation>(
    `select m.user_id::text as user_id, m.id::text as id, payload, status, reason
       from mutations m join unnest($1::bigint[], $2::uuid[]) as t (user_id, id) using (user_id, id)`,
    [ids.map(i => i.userId), ids.map(i => i.id)],
  )
  const knownRows = () => tx.query<{ point_id: string }>(
    'select point_id from plan_points where point_id = any($1::text[])',
    [[...new Set(pushes.flatMap(p => p.mutations.map(pointOf)))]],
  )
  // On PostgreSQL the three go out together on the connection (pipelined) and run in that order, the reads after
  // the lock is granted: one round trip instead of three.
  const [, storedList, knownList] = concurrent
    ? await Promise.all([lock(), storedRows(), knownRows()])
    : [undefined, await storedRows(), await knownRows()]
  const stored = new Map(storedList.map(row => [keyOf(row.user_id, row.id), row]))
  const known = new Set(knownList.map(row => row.point_id))

  // The first mutation of each new id is applied; repeats are answered like it (or refused when they differ).
  const plans: Plan[] = pushes.map((push) => {
    const firsts = new Map<string, number>()
    push.mutations.forEach((m, i) => {
      const id = m.id.toLowerCase()
      if (!stored.has(keyOf(push.user.id, id)) && !firsts.has(id))
        firsts.set(id, i)
    })
    return { push, firsts, outcomes: new Map() }
  })
  const checkins: { plan: Plan, index: number, mutation: CheckinMutation }[] = []
  for (const plan of plans) {
    for (const index of plan.firsts.values()) {
      const mutation = plan.push.mutations[index]!
      if (!known.has(pointOf(mutation)))
        plan.outcomes.set(index, rejected('unknown point'))
      else if (mutation.kind === 'checkin.create')
        checkins.push({ plan, index, mutation })
    }
  }
  const checkinOutcomes = checkins.length > 0 ? await insertCheckins(tx, checkins.map(c => ({ user: c.plan.push.user, checkin: c.mutation.checkin }))) : []
  checkins.forEach((c, i) => c.plan.outcomes.set(c.index, checkinOutcomes[i]!))
  for (const { push, firsts, outcomes } of plans) {
    for (const index of firsts.values()) {
      const mutation = push.mutations[index]!
      if (!outcomes.has(index) && mutation.kind === 'favorite.set')
        outcomes.set(index, await upsertFavorite(tx, push.user, mutation.favorite))
    }
  }

  const recorded = plans.flatMap(({ push, firsts, outcomes }) => [...firsts.entries()].map(([id, index]) =>
    ({ id, userId: push.user.id, mutation: push.mutations[index]!, outcome: outcomes.get(index)! })))
  if (recorded.length > 0) {
    const inserted = await tx.query(
      `insert into mutations (id, user_id, payload, status, reason)
       select id, user_id, payload::jsonb, status, reason
         from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[]) as t (id, user_id, payload, status, reason)
       on conflict (user_id, id) do nothing returning 1`,
      [
        recorded.map(r => r.id),
        recorded.map(r => r.userId),
        recorded.map(r => JSON.stringify(r.mutation)),
        recorded.map(r => r.outcome.status),
        recorded.map(r => (r.outcome.status === 'rejected' ? r.outcome.reason : null)),
      ],
    )
    if (inserted.length !== recorded.length)
      throw new MutationIdRace()
  }

  return plans.map(({ push, firsts, outcomes }) => push.mutations.map((mutation, index) => {
    const id = mutation.id.toLowerCase()
    const previous = stored.get(keyOf(push.user.id, id))
    if (previous) {
      // jsonb reorders keys, so a stored payload is compared by value, not by text.
      const same = canonical(previous.payload) === canonical(mutation)
      if (!same)
        return { id: mutation.id, ...rejected('mutation id reused') }
      return { id: mutation.id, ...(previous.status === 'accepted' ? ACCEPTED : rejected(previous.reason!)) }
    }
    const first = firsts.get(id)!
    if (first !== index && canonical(push.mutations[first]) !== canonical(mutation))
      return { id: mutation.id, ...rejected('mutation id reused') }
    return { id: mutation.id, ...outcomes.get(first)! }
  }))
}

/**
 * Applies the pushes of distinct users in one transaction; for each, one result per mutation, in order.
 * Idempotent on mutation ids. All of them commit or none does.
 */
export async function pushGroup(store: Store, pushes: UserPush[]): Promise<MutationResult[][]> {
  const nonEmpty = pushes.filter(p => p.mutations.length > 0)
  if (nonEmpty.length === 0)
    return pushes.map(() => [])
  for (let attempt = 1; ; attempt++) {
    try {
      const results = await store.transaction(tx => pushGroupInTransaction(tx, nonEmpty, store.kind === 'postgres'))
      let next = 0
      return pushes.map(p => (p.mutations.length > 0 ? results[next++]! : []))
    }
    catch (error) {
      // Pushes of one unit take turns, so only a push of the same user made just before an admin moved them to
      // another unit can race us to a mutation id; the retry sees its row and answers from it.
      if (!(error instanceof MutationIdRace) || attempt >= 3)
        throw error
    }
  }
}

/** Applies a batch of mutations for `user` in one transaction; one result per mutation, in order. Idempotent on mutation ids. */
export async function pushMutations(store: Store, user: User, mutations: Mutation[]): Promise<MutationResult[]> {
  return (await pushGroup(store, [{ user, mutations }]))[0]!
}

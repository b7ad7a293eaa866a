import type { Favorite } from '../../src/domain/progress'
import type { PulledCheckin } from '../../src/domain/sync-api'
import type { Queryable } from '../store/store'
import type { User } from './users'

export interface PullPage {
  checkins: PulledCheckin[]
  favorites: Favorite[]
  lastSeq: bigint
  hasMore: boolean
}

interface ChangeRow {
  kind: 'c' | 'f'
  seq: string
  id: string | null
  point_id: string
  status: string | null
  progress: number | null
  note: string | null
  at: Date | string
  device_id: string
  author: string | null
  mine: boolean
  is_on: boolean | null
  photos: string[] | null
}

const iso = (value: Date | string): string => new Date(value).toISOString()

/** A page stops before this many bytes of JSON (about; at least one row always goes), whatever the row limit. */
export const PULL_MAX_BYTES = 512 * 1024

/**
 * The pull statement. Each source is read in its own index order (checkins by (unit, seq) and (user_id, seq),
 * favorites by (user_id, seq)) and cut at the page's row limit before they are merged, so a page of a unit with
 * 10,000 colleagues' rows reads about a page of rows, never the whole unit. Authors and photo lists are looked up
 * for the page's rows only.
 */
export function pullQuery(user: User, afterSeq: bigint, limit: number): { text: string, params: unknown[] } {
  return {
    text: `select p.kind, p.seq::text as seq, p.id::text as id, p.point_id, p.status, p.progress, p.note, p.at, p.device_id,
                  u.name as author, p.user_id = $1 as mine, p.is_on,
                  (select array_agg(l.hash order by l.position, l.hash) from checkin_photos l
                    where p.kind = 'c' and l.user_id = p.user_id and l.checkin_id = p.id) as photos
             from (
               select * from (
                 (select 'c' as kind, seq, user_id, id, point_id, status, progress, note, created_at as at, device_id, null::boolean as is_on
                    from checkins where unit = $2 and seq > $3 order by seq limit $4)
                 union all
                 (select 'c', seq, user_id, id, point_id, status, progress, note, created_at, device_id, null
                    from checkins where user_id = $1 and unit <> $2 and seq > $3 order by seq limit $4)
                 union all
                 (select 'f', seq, user_id, null::uuid, point_id, null, null, null, updated_at, device_id, is_on
                    from favorites where user_id = $1 and seq > $3 order by seq limit $4)
               ) as changes order by seq limit $4
             ) as p left join users u on p.kind = 'c' and u.id = p.user_id
            order by p.seq`,
    params: [user.id, user.unit, afterSeq.toString(), limit + 1],
  }
}

/**
 * About how many bytes a row takes in the answer's JSON (UTF-8), to bound a page in bytes as well as rows. Text is
 * measured as JSON, escapes included: a note of control characters takes six times its length.
 */
function rowBytes(row: ChangeRow): number {
  const text = [row.point_id, row.note ?? '', row.device_id, row.author ?? ''].reduce((n, t) => n + Buffer.byteLength(JSON.stringify(t)), 0)
  return 200 + text + 67 * (row.photos?.length ?? 0)
}

/** What changed for `user` after `afterSeq`: their check-ins and favorites, and their unit's check-ins, oldest first. */
export async function pullChanges(store: Queryable, user: User, afterSeq: bigint, limit: number): Promise<PullPage> {
  const query = pullQuery(user, afterSeq, limit)
  const fetched = await store.query<ChangeRow>(query.text, query.params)
  let bytes = 0
  let fits = 0
  while (fits < Math.min(limit, fetched.length) && (fits === 0 || bytes + rowBytes(fetched[fits]!) <= PULL_MAX_BYTES))
    bytes += rowBytes(fetched[fits++]!)
  // Rows past the cut (the limit's extra row, or those over the byte bound) come on the next page.
  const page = fetched.slice(0, fits)
  const hasMore = fetched.length > fits
  const checkins: PulledCheckin[] = []
  const favorites: Favorite[] = []
  for (const row of page) {
    if (row.kind === 'c') {
      checkins.push({
        id: row.id!,
        pointId: row.point_id,
        status: row.status as PulledCheckin['status'],
        progress: row.progress!,
        note: row.note!,
        createdAt: iso(row.at),
        deviceId: row.device_id,
        author: row.author!,
        mine: row.mine,
        // Only when there are any: older clients and check-ins without photos see the shape they always did.
        ...(row.photos?.length ? { photos: row.photos } : {}),
      })
    }
    else {
      favorites.push({ pointId: row.point_id, on: row.is_on!, updatedAt: iso(row.at), deviceId: row.device_id })
    }
  }
  const last = page.at(-1)
  return { checkins, favorites, lastSeq: last ? BigInt(last.seq) : afterSeq, hasMore }
}

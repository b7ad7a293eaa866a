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

/** What changed for `user` after `afterSeq`: their check-ins and favorites, and their unit's check-ins, oldest first. */
export async function pullChanges(store: Queryable, user: User, afterSeq: bigint, limit: number): Promise<PullPage> {
  const rows = await store.query<ChangeRow>(
    `select kind, n::text as seq, id, point_id, status, progress, note, at, device_id, author, mine, is_on, photos from (
       select 'c' as kind, c.seq as n, c.id::text as id, c.point_id, c.status, c.progress, c.note, c.created_at as at,
              c.device_id, u.name as author, c.user_id = $1 as mine, null::boolean as is_on,
              (select array_agg(l.hash order by l.position, l.hash) from checkin_photos l
                where l.user_id = c.user_id and l.checkin_id = c.id) as photos
         from checkins c join users u on u.id = c.user_id
        where (c.unit = $2 or c.user_id = $1) and c.seq > $3
       union all
       select 'f', f.seq, null, f.point_id, null, null, null, f.updated_at, f.device_id, null, true, f.is_on, null::text[]
         from favorites f
        where f.user_id = $1 and f.seq > $3
     ) changes order by n limit $4`,
    [user.id, user.unit, afterSeq.toString(), limit + 1],
  )
  const hasMore = rows.length > limit
  const page = rows.slice(0, limit)
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

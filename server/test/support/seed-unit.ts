import type { User } from '../../storage/users'
import type { Queryable } from '../../store/store'

/** Every relation a plan node reads, with its node type, walking an EXPLAIN (FORMAT JSON) plan. */
export function planScans(plan: unknown): { node: string, relation?: string, index?: string }[] {
  const out: { node: string, relation?: string, index?: string }[] = []
  const walk = (n: Record<string, unknown>) => {
    out.push({ node: String(n['Node Type']), relation: n['Relation Name'] as string | undefined, index: n['Index Name'] as string | undefined })
    for (const child of (n.Plans as Record<string, unknown>[] | undefined) ?? [])
      walk(child)
  }
  walk((plan as { Plan: Record<string, unknown> }[])[0]!.Plan)
  return out
}

/**
 * A unit with `rows` check-ins by `colleagues` colleagues, and `otherRows` check-ins spread over other units, written
 * straight in SQL (a push per row would take minutes), then ANALYZEd so the planner sees the sizes. Returns a
 * reader in the big unit. `longNotes` of the unit's rows carry a note of 2,000 CJK characters (6,000 bytes).
 */
export async function seedBigUnit(store: Queryable, o: { unit: string, rows: number, colleagues: number, otherRows: number, longNotes: number }): Promise<User> {
  const users = await store.query<{ id: string, name: string, unit: string }>(
    `insert into users (name, unit, password_hash)
     select 'seed-' || i, case when i <= $2::int then $1::text else 'other-' || (i % 7) end, 'unused'
       from generate_series(1, $2::int + 30) as i
     returning id::text as id, name, unit`,
    [o.unit, o.colleagues],
  )
  const reader = users.find(u => u.unit === o.unit)!
  await store.query(
    `with big as (select array_agg(id order by id) as ids from users where unit = $1 and name like 'seed-%'),
          other as (select array_agg(id order by id) as ids, array_agg(unit order by id) as units from users where unit <> $1 and name like 'seed-%')
     insert into checkins (id, user_id, point_id, status, progress, note, created_at, device_id, unit)
     select gen_random_uuid(),
            case when i <= $2::int then big.ids[1 + i % cardinality(big.ids)] else other.ids[1 + i % cardinality(other.ids)] end,
            'test-plan-1', 'in_progress', i % 101, case when i <= $4::int then repeat('进', 2000) else '推进中' end, now(), 'seed',
            case when i <= $2::int then $1::text else other.units[1 + i % cardinality(other.ids)] end
       from generate_series(1, $2::int + $3::int) as i, big, other
      order by i`,
    [o.unit, o.rows, o.otherRows, o.longNotes],
  )
  await store.exec('analyze checkins; analyze favorites; analyze users')
  return { id: reader.id, name: reader.name, unit: reader.unit, admin: false }
}

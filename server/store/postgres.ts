import type { Queryable, Store } from './store'
import postgres from 'postgres'

type Sql = postgres.Sql | postgres.TransactionSql

function queryable(sql: Sql): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])
      return rows as unknown as Row[]
    },
    async exec(text: string) {
      await sql.unsafe(text)
    },
  }
}

/** Opens a PostgreSQL store on `url` (postgres://…) with a small connection pool; `schema` sets the search_path (tests). */
export async function openPostgresStore(url: string, options: { max?: number, schema?: string } = {}): Promise<Store> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: options.schema ? { search_path: options.schema } : {},
  })
  await sql`select 1`
  return {
    kind: 'postgres',
    ...queryable(sql),
    transaction: fn => sql.begin(tx => fn(queryable(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  }
}

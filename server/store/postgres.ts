import type { Queryable, Store } from './store'
import postgres from 'postgres'
import { poolSize } from './pool-size'
import { guardedTransaction, toStoreError } from './store-error'

type Sql = postgres.Sql | postgres.TransactionSql

function queryable(sql: Sql): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      try {
        const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])
        return rows as unknown as Row[]
      }
      catch (error) {
        throw toStoreError(error, text)
      }
    },
    async exec(text: string) {
      try {
        await sql.unsafe(text)
      }
      catch (error) {
        throw toStoreError(error, text)
      }
    },
  }
}

/** Opens a PostgreSQL store on `url` (postgres://…) with a pool sized to the cores (poolSize); `schema` sets the search_path (tests). */
export async function openPostgresStore(url: string, options: { max?: number, schema?: string } = {}): Promise<Store> {
  const sql = postgres(url, {
    max: options.max ?? poolSize(),
    onnotice: () => {},
    connection: options.schema ? { search_path: options.schema } : {},
  })
  try {
    await sql`select 1`
  }
  catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {})
    throw toStoreError(error, 'connect')
  }
  return {
    kind: 'postgres',
    ...queryable(sql),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return guardedTransaction<Sql, T>(body => sql.begin(body) as Promise<T>, tx => fn(queryable(tx)))
    },
    close: () => sql.end({ timeout: 5 }),
  }
}

import { describe, expect, it } from 'vitest'
import { workersFromEnv } from '../workers-env'

const PG = 'postgres://u:p@127.0.0.1/db'

describe('the number of workers from the environment', () => {
  it('is one process when unset or empty', () => {
    expect(workersFromEnv({})).toEqual({ workers: 1 })
    expect(workersFromEnv({ WORKERS: ' ' })).toEqual({ workers: 1 })
    expect(workersFromEnv({ WORKERS: '1' })).toEqual({ workers: 1 })
  })

  it('takes 1 to 64 on PostgreSQL, spaces around allowed', () => {
    expect(workersFromEnv({ WORKERS: ' 4 ', DATABASE_URL: PG })).toEqual({ workers: 4 })
    expect(workersFromEnv({ WORKERS: '64', DATABASE_URL: PG })).toEqual({ workers: 64 })
  })

  it.each(['0', '-1', 'abc', '2.5', '1e1', '65', '0x2', '+2'])('refuses %s, naming it', (value) => {
    expect(workersFromEnv({ WORKERS: value, DATABASE_URL: PG })).toEqual({ error: `WORKERS must be a whole number from 1 to 64 (got "${value}")` })
  })

  it('refuses more than one on PGlite (no or a blank DATABASE_URL), and allows one', () => {
    for (const env of [{ WORKERS: '2' }, { WORKERS: '2', DATABASE_URL: '  ' }])
      expect(workersFromEnv(env)).toEqual({ error: expect.stringMatching(/^WORKERS=2 needs DATABASE_URL: the embedded PGlite store allows one server process only/) })
    expect(workersFromEnv({ WORKERS: '1' })).toEqual({ workers: 1 })
  })
})

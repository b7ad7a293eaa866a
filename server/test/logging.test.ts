import type { Harness } from './harness'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeError } from '../log'
import { safeMessage, statementLabel, toStoreError } from '../store/store-error'
import { checkinMutation } from './fixtures'
import { createHarness, PASSWORD } from './harness'
import { storeFactories } from './stores'

const NOTE = 'distinctive-note-8c1f2e'
const FAILING_NOTE = 'failing-row-note-55d0a9'
const TYPED_AS_NAME = 'my-Secret-passw0rd-in-the-name-field'

describe('store errors', () => {
  it('label statements by what they touch and drop quoted values', () => {
    expect(statementLabel('\n  insert into checkins (id, note)\n select …')).toBe('insert into checkins')
    expect(statementLabel('select u.id::text as id, u.name from sessions s join users u on …')).toBe('select from sessions')
    expect(statementLabel('update users set unit = $2 where name = $1')).toBe('update users')
    expect(statementLabel('delete from login_attempts where at <= $1')).toBe('delete from login_attempts')
    expect(statementLabel('-- a comment\nalter table users add column x int')).toBe('alter table users')
    expect(safeMessage('invalid input syntax for type uuid: "secret-value"')).toBe('invalid input syntax for type uuid: …')
  })

  it('keep nothing of a postgres.js error but the label, the SQLSTATE and the safe message', () => {
    const driver = Object.assign(new Error('new row for relation "checkins" violates check constraint "note_probe"'), {
      name: 'PostgresError',
      code: '23514',
      detail: `Failing row contains (${NOTE}).`,
      query: 'insert into checkins (note) values ($1)',
      parameters: [NOTE],
      constraint_name: 'note_probe',
    })
    const logged = JSON.stringify(serializeError(toStoreError(driver, driver.query)))
    expect(logged).not.toContain(NOTE)
    expect(JSON.parse(logged)).toMatchObject({ type: 'StoreError', statement: 'insert into checkins', code: '23514', constraint: 'note_probe' })
    // Even a raw driver error handed to the logger keeps only the safe fields.
    expect(JSON.stringify(serializeError(driver))).not.toContain(NOTE)
  })
})

describe.each(storeFactories)('logs on $name', (factory) => {
  let h: Harness
  const lines: string[] = []
  const logs = () => lines.join('\n')

  beforeAll(async () => {
    const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) })
    h = await createHarness(factory, { logger })
    // An insert the database itself refuses: the error's detail would hold the whole row, note included.
    await h.store.exec(`alter table checkins add constraint note_probe check (note not like '%${FAILING_NOTE}%')`)
  }, 60_000)
  afterAll(() => h?.close())

  it('never hold notes, passwords or tokens, and name the failing statement and its SQLSTATE', async () => {
    const { token } = await h.addAndLogin('记录员', '长沙市政务局')
    expect((await h.push(token, [checkinMutation({ note: NOTE })])).results[0]!.status).toBe('accepted')
    const failing = await h.request('/api/sync/push', { method: 'POST', token, json: { mutations: [checkinMutation({ note: FAILING_NOTE })] } })
    expect(failing.status).toBe(500)
    expect(await failing.json()).toEqual({ error: 'internal server error' })
    const typo = await h.request('/api/auth/login', { method: 'POST', json: { name: TYPED_AS_NAME, password: PASSWORD } })
    expect(typo.status).toBe(401)
    const wrong = await h.request('/api/auth/login', { method: 'POST', json: { name: '记录员', password: TYPED_AS_NAME } })
    expect(wrong.status).toBe(401)
    const again = await h.request('/api/auth/login', { method: 'POST', json: { name: '记录员', password: PASSWORD } })
    const second = (await again.json()).token as string
    await h.push(second, [checkinMutation({ note: NOTE })])
    await h.request('/api/sync/pull', { token: second })

    const text = logs()
    for (const secret of [NOTE, FAILING_NOTE, TYPED_AS_NAME, PASSWORD, token, second])
      expect(text, secret).not.toContain(secret)
    const errors = lines.map(line => JSON.parse(line) as { level: number, msg: string, err?: Record<string, unknown> }).filter(e => e.level >= 50)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ msg: 'request failed', err: { type: 'StoreError', statement: 'insert into checkins', code: '23514', constraint: 'note_probe' } })
    // The failed sign-ins are logged, naming the account only where one exists.
    const failed = lines.map(line => JSON.parse(line) as { msg: string, user?: string }).filter(e => e.msg === 'sign-in failed')
    expect(failed.map(e => e.user)).toEqual([undefined, '记录员'])
  })
})

import type { z } from 'zod'
import type { AdminUser } from '../../src/domain/admin-api'
import type { Store } from '../store/store'
import type { AccountsBackend } from './accounts-backend'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { CreateUserRequestSchema, SetPasswordRequestSchema, UpdateUserRequestSchema, UserNameLookupSchema } from '../../src/domain/admin-api'
import { passwordProblem } from '../../src/domain/password-policy'
import { UnitSchema, UserNameSchema } from '../../src/domain/sync-api'
import { DirectoryLockedError } from '../store/dir-lock'
import { directBackend, remoteBackend } from './accounts-backend'
import { findRunningServer } from './find-server'
import { readPassword } from './password-prompt'

/**
 * `npm run user -- …`: manages accounts. Beside a running PGlite server it goes through that server's admin API
 * (the server holds the directory); otherwise, and always on PostgreSQL, it opens the store itself.
 */
const USAGE = `usage: npm run user -- COMMAND …
  add NAME --unit UNIT [--admin] [--replace]   create an account (password from a prompt, or stdin when piped)
  list                                         every account: unit, role, state, check-ins, live sessions
  update NAME [--unit UNIT] [--admin | --no-admin]
  disable NAME                                 refuse sign-in and revoke its sessions; its check-ins stay
  enable NAME
  remove NAME [--yes]                          delete the account and its check-ins (--yes when it has any)
  passwd NAME                                  set a new password (revokes its sessions)
  sessions NAME                                list its sessions
  revoke NAME (SESSION_ID | --all)             revoke one session, or all`

class UsageError extends Error {}

function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success)
    throw new Error(result.error.issues.map(issue => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '))
  return result.data
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

function describe(u: AdminUser) {
  return [u.name, u.unit, u.admin ? 'admin' : 'user', u.disabled ? 'disabled' : 'enabled', count(u.checkins, 'check-in'), count(u.activeSessions, 'session')].join('\t')
}

async function newPassword(name: string): Promise<string> {
  const password = await readPassword()
  const problem = passwordProblem(password, name)
  if (problem)
    throw new Error(problem)
  return password
}

type Flags = Record<string, string | boolean | undefined>
type Action = (accounts: AccountsBackend) => Promise<void>

const say = (text: string) => console.error(text)

/**
 * Checks the command's input (and reads a password) before anything is opened, so a typo costs no store start
 * and nothing is held while someone types; returns what to do once connected.
 */
async function prepare(command: string, name: string | undefined, args: string[], flags: Flags): Promise<Action> {
  const target = name === undefined ? '' : check(UserNameLookupSchema, name)
  switch (command) {
    case 'list':
      return async (accounts) => {
        for (const user of await accounts.list())
          console.log(describe(user))
      }
    case 'add': {
      check(UserNameSchema, name)
      check(UnitSchema, flags.unit)
      const input = check(CreateUserRequestSchema, { name, unit: flags.unit, admin: flags.admin === true, password: await newPassword(target) })
      return async (accounts) => {
        const user = await accounts.add(input)
        if (user)
          return say(`user ${user.name} (${user.unit}${user.admin ? ', admin' : ''}) added`)
        if (!flags.replace)
          throw new Error('that name exists already (use --replace to reset its unit, role and password)')
        await accounts.update(input.name, { unit: input.unit, admin: input.admin })
        const { user: replaced } = await accounts.setPassword(input.name, input.password)
        say(`user ${replaced.name} (${replaced.unit}${replaced.admin ? ', admin' : ''}) reset; its sessions were revoked`)
      }
    }
    case 'update': {
      const admin = flags.admin === true ? true : flags['no-admin'] === true ? false : undefined
      const patch = check(UpdateUserRequestSchema, { unit: flags.unit, admin })
      return async (accounts) => {
        const user = await accounts.update(target, patch)
        say(`user ${user.name} updated: ${user.unit}${user.admin ? ', admin' : ''}`)
      }
    }
    case 'disable':
      return async (accounts) => {
        const { revokedSessions } = await accounts.disable(target)
        say(`user ${target} disabled (${count(revokedSessions, 'session')} revoked); its check-ins stay`)
      }
    case 'enable':
      return async (accounts) => {
        await accounts.enable(target)
        say(`user ${target} enabled`)
      }
    case 'remove':
      return async (accounts) => {
        const result = await accounts.remove(target, flags.yes === true)
        if (!result.removed) {
          throw new Error(`${target} has ${count(result.checkins, 'check-in')}, which would be deleted with the account. `
            + `Run again with --yes to remove it anyway, or keep them with: npm run user -- disable ${target}`)
        }
        say(`user ${target} removed with ${count(result.checkins, 'check-in')}`)
      }
    case 'passwd': {
      const { password } = check(SetPasswordRequestSchema, { password: await newPassword(target) })
      return async (accounts) => {
        const { revokedSessions } = await accounts.setPassword(target, password)
        say(`password of ${target} changed (${count(revokedSessions, 'session')} revoked)`)
      }
    }
    case 'sessions':
      return async (accounts) => {
        for (const s of await accounts.sessions(target))
          console.log([s.id, s.state, `created ${s.createdAt}`, `expires ${s.expiresAt}`, ...(s.revokedAt ? [`revoked ${s.revokedAt}`] : [])].join('\t'))
      }
    case 'revoke':
      if ((args.length === 1) === (flags.all === true))
        throw new UsageError(USAGE)
      return async (accounts) => {
        const revoked = await accounts.revoke(target, args[0])
        say(`${count(revoked, 'session')} of ${target} revoked`)
      }
  }
  throw new UsageError(USAGE)
}

const ARITY: Record<string, [min: number, max: number]> = {
  list: [0, 0],
  add: [1, 1],
  update: [1, 1],
  disable: [1, 1],
  enable: [1, 1],
  remove: [1, 1],
  passwd: [1, 1],
  sessions: [1, 1],
  revoke: [1, 2],
}

/** Opens and migrates the store; loaded only when needed, since PGlite and postgres.js take a while to import. */
async function openMigrated(options: { databaseUrl?: string, dataDir?: string }): Promise<Store> {
  const [{ openStore }, { migrate }] = await Promise.all([import('../store/open'), import('../store/migrate')])
  const store = await openStore(options)
  try {
    await migrate(store)
    return store
  }
  catch (error) {
    await store.close()
    throw error
  }
}

/** The backend for this installation: the running server's API, or the store opened here. */
async function connect(): Promise<AccountsBackend> {
  const url = process.env.DATABASE_URL?.trim()
  if (url)
    return directBackend(await openMigrated({ databaseUrl: url }), 'PostgreSQL')
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const dataDir = process.env.DATA_DIR || `${root}data/pglite`
  for (let attempt = 0; ; attempt++) {
    const server = await findRunningServer(dataDir)
    if (server)
      return remoteBackend(server.url, server.token, `the running server (process ${server.pid})`)
    try {
      return directBackend(await openMigrated({ dataDir }), dataDir)
    }
    catch (error) {
      // A server started between the look and the open: ask it instead.
      if (!(error instanceof DirectoryLockedError) || attempt > 0)
        throw error
    }
  }
}

async function main(argv: string[]): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'unit': { type: 'string' },
        'admin': { type: 'boolean' },
        'no-admin': { type: 'boolean' },
        'replace': { type: 'boolean' },
        'yes': { type: 'boolean' },
        'all': { type: 'boolean' },
      },
    })
  }
  catch {
    throw new UsageError(USAGE)
  }
  const [command = '', name, ...rest] = parsed.positionals
  const arity = ARITY[command]
  const given = parsed.positionals.length - 1
  if (!arity || given < arity[0] || given > arity[1] || (command === 'add' && !parsed.values.unit))
    throw new UsageError(USAGE)
  const action = await prepare(command, name, rest, parsed.values)
  const accounts = await connect()
  try {
    await action(accounts)
  }
  finally {
    await accounts.close()
  }
}

try {
  await main(process.argv.slice(2))
}
catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = error instanceof UsageError ? 2 : 1
}

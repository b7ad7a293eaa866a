import type { Store } from '../store/store'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { addUser, listUsers } from '../storage/users'
import { migrate } from '../store/migrate'
import { openStore } from '../store/open'

/**
 * `npm run user -- add NAME --unit UNIT [--admin] [--replace]` (password from a
 * prompt, or stdin when it is not a terminal) and `npm run user -- list`.
 */
const USAGE = 'usage: npm run user -- add NAME --unit UNIT [--admin] [--replace]\n       npm run user -- list'

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = ''
    for await (const chunk of process.stdin)
      text += String(chunk)
    return text.split(/\r?\n/)[0] ?? ''
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  // Echo nothing while the password is typed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void }
  const ask = (prompt: string) => new Promise<string>((resolve) => {
    process.stderr.write(prompt)
    output._writeToOutput = () => {}
    rl.question('', (answer) => {
      process.stderr.write('\n')
      resolve(answer)
    })
  })
  try {
    const first = await ask('Password: ')
    const second = await ask('Repeat password: ')
    if (first !== second)
      throw new Error('the passwords differ')
    return first
  }
  finally {
    rl.close()
  }
}

async function run(store: Store, argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { unit: { type: 'string' }, admin: { type: 'boolean' }, replace: { type: 'boolean' } },
  })
  const [command, name] = positionals
  if (command === 'list') {
    for (const user of await listUsers(store))
      console.log([user.name, user.unit, user.admin ? 'admin' : ''].join('\t').trimEnd())
    return
  }
  if (command !== 'add' || !name || !values.unit || positionals.length !== 2)
    throw new Error(USAGE)
  const password = await readPassword()
  if (password.length < 8)
    throw new Error('the password must have at least 8 characters')
  const user = await addUser(store, { name, unit: values.unit, admin: values.admin ?? false, password }, { replace: values.replace })
  console.error(`user ${user.name} (${user.unit}${user.admin ? ', admin' : ''}) saved`)
}

const root = fileURLToPath(new URL('../..', import.meta.url))
let store: Store | undefined
try {
  store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? `${root}data/pglite` })
  await migrate(store)
  await run(store, process.argv.slice(2))
}
catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(/unique|duplicate/i.test(message) ? 'that name exists already (use --replace to reset it)' : message)
  process.exitCode = 1
}
finally {
  await store?.close()
}

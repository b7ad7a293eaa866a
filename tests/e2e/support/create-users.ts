// Creates test accounts in a PGlite directory in its own Node process (`node --import tsx`): loading PGlite inside
// the Vitest worker costs ~10 s, a plain Node process a fraction of that. Usage: create-users.ts DATA_DIR < users.json
import { addUser } from '../../../server/storage/users'
import { migrate } from '../../../server/store/migrate'
import { openStore } from '../../../server/store/open'

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  if (!dataDir)
    throw new Error('usage: create-users.ts DATA_DIR < users.json')
  let input = ''
  for await (const chunk of process.stdin)
    input += String(chunk)
  const users = JSON.parse(input) as { name: string, unit: string, password: string, admin?: boolean }[]
  const store = await openStore({ dataDir })
  try {
    await migrate(store)
    for (const user of users)
      await addUser(store, { ...user, admin: user.admin ?? false })
  }
  finally {
    await store.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

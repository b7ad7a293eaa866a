import { LOCAL_OWNER } from '~/domain/owner'
import { db } from './db'
import { META_KEYS } from './meta'

export { LOCAL_OWNER }

/**
 * Whose data the device shows and syncs now: the signed-in account's name (also while its sign-in has expired,
 * so changes made then still belong to it), or 本机 when nobody is signed in. Read from IndexedDB, so a query
 * that calls it inside liveQuery re-runs when someone signs in or out.
 */
export async function currentOwner(): Promise<string> {
  const session = (await db.meta.get(META_KEYS.session))?.value as { user?: { name?: unknown } } | undefined
  const name = session?.user?.name
  return typeof name === 'string' && name.length > 0 ? name : LOCAL_OWNER
}

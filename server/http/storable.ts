import { isStorableText } from '../../src/domain/storable-text'

/** The path of the first string (or object key) in `value` that PostgreSQL cannot store, or undefined. */
export function findUnstorable(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string')
    return isStorableText(value) ? undefined : path
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, String(i)])
      if (found)
        return found
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key))
        return [...path, '(a key)']
      const found = findUnstorable(item, [...path, key])
      if (found)
        return found
    }
  }
  return undefined
}

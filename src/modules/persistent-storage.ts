import type { App } from 'vue'
import { ref } from 'vue'

/** Whether the browser promised not to evict our IndexedDB (check-ins not yet synced live there). */
export const storagePersisted = ref<boolean | null>(null)

export function install(_app: App): void {
  const storage = navigator.storage
  if (!storage?.persist)
    return
  void storage.persisted()
    .then(already => already || storage.persist())
    .then((granted) => { storagePersisted.value = granted })
    .catch(() => { storagePersisted.value = false })
}

// Names shared by the build (vite.config.ts), the service worker and the page. No DOM, no Node: all three load it.

/** The import worker and every chunk it loads (format libraries) are emitted here, apart from the app shell. */
export const IMPORT_ASSET_DIR = 'assets/import'

/** Lists the files under IMPORT_ASSET_DIR of this build; precached (it is tiny), unlike the files it lists. */
export const IMPORT_FILES_LIST = 'assets/import-files.json'

/** Cache Storage name for the import files, filled at runtime (never by the precache). */
export const IMPORT_CACHE = 'yaodiantong-import'

/** Where the share sheet posts files (Web Share Target); the service worker answers it. */
export const SHARE_TARGET_PATH = '/import/share'

/** The form field names of the manifest's share_target.params. */
export const SHARE_FIELDS = { files: 'files', title: 'title', text: 'text' } as const

/** What the file picker and the share target accept. */
export const IMPORT_EXTENSIONS = ['.txt', '.docx', '.pdf', '.xlsx', '.xls', '.csv', '.html', '.htm'] as const

/** The MIME types of IMPORT_EXTENSIONS, for the share target (Android matches shared files by type). */
export const IMPORT_MIME_TYPES = [
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'text/csv',
  'text/html',
] as const

export interface ImportFilesList {
  /** Paths relative to the app's base, e.g. "assets/import/import-worker-3f2a.js". */
  files: string[]
}

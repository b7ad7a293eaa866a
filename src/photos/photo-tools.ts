/**
 * The photo worker and the compression library it loads: kept out of the precache (the build's globIgnores) and
 * cached by the service worker when first fetched, under PHOTO_TOOLS_CACHE. No imports: vite.config.ts and the
 * service worker read it.
 */
export const PHOTO_TOOLS_CACHE = 'photo-tools'
export const PHOTO_TOOL_GLOBS = ['assets/photo-worker-*.js', 'assets/browser-image-compression-*.js']
/** The same files as PHOTO_TOOL_GLOBS, by URL path. */
export const PHOTO_TOOL_PATH = /\/assets\/(?:photo-worker|browser-image-compression)-[\w-]{8}\.js$/

/** The Background Sync tag the page registers and the service worker listens for (no DOM types: the SW imports it). */
export const BACKGROUND_SYNC_TAG = 'yaodiantong-outbox'

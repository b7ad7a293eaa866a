/** Marks a build (set VITE_BUILD_MARKER when building); shown in 我的 and read by the update test. */
export const buildMarker: string = (import.meta.env.VITE_BUILD_MARKER as string | undefined) || '0.1.0'

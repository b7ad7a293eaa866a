import { defineConfig } from 'vitest/config'

// Browser tests: one production build served by `vite preview` on port 4310, driven by playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Specs share the preview server and Chromium; one at a time keeps them independent of each other's load.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})

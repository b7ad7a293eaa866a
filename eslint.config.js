import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  ignores: ['dist/**', 'dev-dist/**', 'seeds/**', 'data/**', 'docs/screenshots/**', 'coverage/**', '**/*.md'],
}, {
  rules: {
    // CLI scripts and the server log to the console on purpose.
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    'node/prefer-global/buffer': 'off',
  },
})

import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app'
import { inlineScriptHashes, shellScriptHashes } from '../http/inline-scripts'
import { migrate } from '../store/migrate'
import { storeFactories } from './stores'

const sha = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`

describe('inline script hashes', () => {
  it('hashes each inline script once, and no script file or empty element', () => {
    const html = '<head><script>boot("文")</script><script type="module" src="/a.js"></script><script src="/b.js"></script>'
      + '<script> </script></head><body><script>boot("文")</script><script type="module">go()</script></body>'
    expect(inlineScriptHashes(html)).toEqual([sha('boot("文")'), sha('go()')])
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([])
    expect(shellScriptHashes(join(tmpdir(), 'no-such-dist'))).toEqual([])
  })

  it('allows the shell\'s inline script in the pages\' policy only', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ydt-inline-'))
    const boot = 'document.documentElement.classList.add("x")'
    writeFileSync(join(dist, 'index.html'), `<!doctype html><script>${boot}</script><title>要点通</title>`)
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {})')
    const store = await storeFactories[0]!.open()
    try {
      await migrate(store)
      const app = createApp({ store, logger: pino({ level: 'silent' }), distDir: dist })
      for (const path of ['/', '/deck'])
        expect((await app.request(path)).headers.get('content-security-policy'), path).toContain(`script-src 'self' ${sha(boot)};`)
      for (const path of ['/sw.js', '/api/health'])
        expect((await app.request(path)).headers.get('content-security-policy'), path).not.toContain('sha256-')
    }
    finally {
      await store.close()
      rmSync(dist, { recursive: true, force: true })
    }
  })
})

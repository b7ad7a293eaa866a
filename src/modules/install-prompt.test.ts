import { describe, expect, it } from 'vitest'
import { installRoute } from './install-prompt'

const UA = {
  iosSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  iosChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 Mobile/15E148 Safari/604.1',
  wechat: 'Mozilla/5.0 (Linux; Android 13; V2219A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0 Mobile Safari/537.36 MicroMessenger/8.0.40',
  android: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
}

describe('installRoute', () => {
  it('tells how installation goes where the browser offers no prompt', () => {
    expect(installRoute(UA.iosSafari)).toBe('ios-safari')
    expect(installRoute(UA.iosChrome)).toBe('ios-other')
    expect(installRoute(UA.wechat)).toBe('in-app')
    expect(installRoute(UA.android)).toBe('menu')
  })
})

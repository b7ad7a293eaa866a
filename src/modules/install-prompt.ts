import type { App } from 'vue'
import { computed, shallowRef } from 'vue'

/** Chromium's install prompt event (not in lib.dom yet). */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>
}

const deferredPrompt = shallowRef<BeforeInstallPromptEvent | null>(null)
const installed = shallowRef(false)

/** Android/desktop Chromium install prompt, captured early so 我的 can offer it later. */
export function useInstallPrompt() {
  const canInstall = computed(() => deferredPrompt.value !== null)
  // Running from the home screen now; `installed` (appinstalled fired) means added, but this page is still the browser's.
  const standalone = computed(() => typeof window !== 'undefined' && window.matchMedia?.('(display-mode: standalone)').matches)
  async function promptInstall(): Promise<boolean> {
    const event = deferredPrompt.value
    if (!event)
      return false
    deferredPrompt.value = null
    await event.prompt()
    const { outcome } = await event.userChoice
    return outcome === 'accepted'
  }
  return { canInstall, standalone, installed: computed(() => installed.value), promptInstall }
}

/** Where installation has to go another way: iOS Safari's 分享 menu, another iOS browser, an in-app browser, or the menu. */
export type InstallRoute = 'ios-safari' | 'ios-other' | 'in-app' | 'menu'

export function installRoute(ua: string = navigator.userAgent): InstallRoute {
  if (/MicroMessenger|QQ\/|DingTalk|AlipayClient|Weibo/i.test(ua))
    return 'in-app'
  if (isIosSafari(ua))
    return 'ios-safari'
  if (/iPad|iPhone|iPod/.test(ua))
    return 'ios-other'
  return 'menu'
}

/** True on iPhone/iPad Safari, where installing means 分享 → 添加到主屏幕. */
export function isIosSafari(ua: string = navigator.userAgent): boolean {
  const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && typeof navigator !== 'undefined' && navigator.maxTouchPoints > 1)
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua)
}

export function install(_app: App): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's mini-infobar away: 我的 offers installation in its own words.
    event.preventDefault()
    deferredPrompt.value = event as BeforeInstallPromptEvent
  })
  window.addEventListener('appinstalled', () => {
    installed.value = true
    deferredPrompt.value = null
  })
}

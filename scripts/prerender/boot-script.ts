import { BASE_PX, ELDER_MODE_KEY, ELDER_PX, FONT_SIZE_KEY } from '../../src/stores/display-size'

/** Set on <html> by the boot script when the URL is not 首页: the prerendered 首页 stays hidden until the app draws. */
export const AWAY_CLASS = 'not-home'

/**
 * The classic script index.html runs inline in <head>, before the prerendered 首页 paints (the CSP allows it by its
 * hash). It applies 长辈模式 and the font size as the settings store would (root font size and
 * the `elder` class, App.vue), so nothing resizes when the app starts; and off 首页 (the same index.html answers
 * /deck, /point/…) it hides the prerendered 首页, so it never flashes before another screen.
 */
export function bootScript(base: string): string {
  const homes = [base, `${base}index.html`, base.replace(/\/$/, '')].filter(Boolean)
  const q = JSON.stringify
  return `(function(){var d=document.documentElement;try{var s=localStorage,e=s.getItem(${q(ELDER_MODE_KEY)})==='true',`
    + `t=e?${q(ELDER_PX)}:${q(BASE_PX)};d.style.fontSize=(t[s.getItem(${q(FONT_SIZE_KEY)})]||t.standard)+'px';`
    + `if(e)d.classList.add('elder')}catch(x){}`
    + `if(${q(homes)}.indexOf(location.pathname)<0)d.classList.add(${q(AWAY_CLASS)})})()\n`
}

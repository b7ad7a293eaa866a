import type { ChildNode, Element } from 'domhandler'

/**
 * Finding the article in a saved government page: the site chrome (navigation, breadcrumbs, toolbars, related
 * links, footers) is pruned, then the container with the most Chinese text outside links wins, readability-style,
 * with the usual article containers (TRS_Editor, article, content, zoom…) preferred when they hold most of it.
 */

/** Elements that never hold article text. */
const JUNK_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'canvas', 'form', 'button', 'select', 'input', 'textarea', 'nav', 'header', 'footer', 'aside', 'head', 'map', 'audio', 'video', 'link', 'meta'])

/** class/id words of chrome blocks on Chinese government sites (breadcrumb "position"/"location", 字号 "fontsize"…). */
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|dqwz|bread|footer|foot|bottom|copyright|header|topbar|banner|share|bdshare|toolbar|tools?|print|font-?size|zihao|related|relate|xgwz|xglj|xgxx|pager|prevnext|prev|next|sxp|sidebar|side|comment|qrcode|ewm|search|login|skip)(?:$|[\s_-])/i

/** The usual article containers of government CMSs (TRS, Hanweb, Dayang…) and generic templates. */
const ARTICLE_NAME = /(?:^|[\s_-])(?:trs_editor|trs_editor\w*|article|art_con|artcon|content|contents|con_?text|zoom|main-?text|pages?_content|detail|details|view|txt|text|zw|zwnr|custom_unionstyle|wzcon|article-?body|news_?content|info_?content)(?:$|[\s_-])/i

const CJK = /[\u3400-\u9FFF]/g

export interface TextStats {
  /** CJK characters outside links. */
  text: number
  /** CJK characters inside links. */
  link: number
}

const nameOf = (el: Element) => `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`

function isHidden(el: Element): boolean {
  const style = (el.attribs.style ?? '').toLowerCase().replace(/\s/g, '')
  return el.attribs.hidden !== undefined || style.includes('display:none') || style.includes('visibility:hidden') || el.attribs['aria-hidden'] === 'true'
}

function countLinks(el: Element): number {
  return el.children.reduce((n, c) => n + (c.type === 'tag' ? ((c as Element).name === 'a' ? 1 : countLinks(c as Element)) : 0), 0)
}

/** Removes junk elements, hidden ones and chrome blocks (by their class/id, when they are mostly links or short). */
export function prune(nodes: ChildNode[], stats: Map<Element, TextStats>): ChildNode[] {
  return nodes.filter((node) => {
    if (node.type === 'comment' || node.type === 'directive')
      return false
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style')
      return true
    const el = node as Element
    if (JUNK_TAGS.has(el.name) || isHidden(el))
      return false
    if (CHROME_NAME.test(nameOf(el)) && !ARTICLE_NAME.test(nameOf(el))) {
      const s = measure(el, stats)
      // A chrome-named block is dropped unless it holds real text (a template that names its body "main-side").
      if (s.text < 200 || s.link > s.text * 0.5)
        return false
    }
    if (el.name === 'ul' || el.name === 'ol' || el.name === 'dl') {
      // A list of links (相关文件, 推荐阅读 without a chrome class name) is navigation, not article text.
      const s = measure(el, stats)
      const links = countLinks(el)
      if (links >= 2 && s.link >= (s.text + s.link) * 0.8)
        return false
    }
    el.children = prune(el.children, stats)
    return true
  })
}

/** CJK text inside and outside links, memoised per element. */
export function measure(node: ChildNode, stats: Map<Element, TextStats>, inLink = false): TextStats {
  if (node.type === 'text') {
    const n = node.data.match(CJK)?.length ?? 0
    return inLink ? { text: 0, link: n } : { text: n, link: 0 }
  }
  if (node.type !== 'tag')
    return { text: 0, link: 0 }
  const el = node as Element
  const cached = inLink ? undefined : stats.get(el)
  if (cached)
    return cached
  const result = { text: 0, link: 0 }
  const link = inLink || el.name === 'a'
  for (const c of el.children) {
    const s = measure(c, stats, link)
    result.text += s.text
    result.link += s.link
  }
  if (!inLink)
    stats.set(el, result)
  return result
}

const BLOCKY = new Set(['p', 'div', 'td', 'li', 'section', 'article', 'main', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'center', 'font', 'span', 'tbody', 'table', 'tr'])

/**
 * The article container: paragraph text is credited to the parent, half to the grandparent (readability's rule),
 * the best score times (1 − link density) wins; then a known article container holding most of its text, and
 * climbing out of it while the parent adds much text of its own (a body split over sibling blocks).
 */
export function findArticle(root: Element, stats: Map<Element, TextStats>): Element {
  const scores = new Map<Element, number>()
  const credit = (el: Element | null, points: number) => {
    if (el)
      scores.set(el, (scores.get(el) ?? 0) + points)
  }
  const visit = (el: Element) => {
    const direct = el.children.reduce((n, c) => n + (c.type === 'text' ? (c.data.match(CJK)?.length ?? 0) : c.type === 'tag' && !BLOCKY.has((c as Element).name) ? measure(c, stats).text : 0), 0)
    if (direct >= 10) {
      const commas = el.children.reduce((n, c) => n + (c.type === 'text' ? (c.data.match(/[，。；、]/g)?.length ?? 0) : 0), 0)
      const points = direct + commas * 10
      credit(el, points)
      const parent = el.parent?.type === 'tag' ? el.parent as Element : null
      credit(parent, points)
      credit(parent?.parent?.type === 'tag' ? parent.parent as Element : null, points / 2)
    }
    for (const c of el.children) {
      if (c.type === 'tag')
        visit(c as Element)
    }
  }
  visit(root)
  let best = root
  let bestScore = -1
  for (const [el, score] of scores) {
    const s = measure(el, stats)
    const density = s.link / Math.max(1, s.text + s.link)
    const weighted = score * (1 - density)
    if (weighted > bestScore) {
      best = el
      bestScore = weighted
    }
  }
  const bestText = measure(best, stats).text
  const known = [...stats.keys()].filter(el => ARTICLE_NAME.test(nameOf(el)) && stats.get(el)!.link <= stats.get(el)!.text * 0.3 && stats.get(el)!.text >= bestText * 0.7)
  if (known.length > 0)
    best = known.sort((a, b) => stats.get(a)!.text - stats.get(b)!.text)[0]!
  for (let parent = best.parent; parent && parent.type === 'tag' && parent !== root.parent; parent = parent.parent) {
    const p = measure(parent as Element, stats)
    const own = measure(best, stats)
    if (p.text < own.text * 1.3 || p.link > p.text * 0.3)
      break
    best = parent as Element
  }
  return best
}

/** Lines of page chrome that may sit inside the article container; only short lines are tested. */
const CHROME_LINE = [
  /^(?:当前位置|您现在的位置|您的位置|所在位置|现在位置)/,
  /^首页\s*[>＞»›/]/,
  /字[号体][:：\s【[\]】]*大[\s【[\]】]*中[\s【[\]】]*小/,
  /^分享到/,
  /^(?:扫一扫|手机扫码|用手机扫描二维码)/,
  /^(?:相关链接|相关文章|相关阅读|相关新闻|相关文件|相关稿件|相关政策|相关解读|延伸阅读)[:：]?$/,
  /^(?:上一篇|下一篇)/,
  /网站标识码|ICP\s*备|公网安备|版权所有|Copyright|©|建议使用.{0,20}浏览器/i,
  /^(?:主办单位|承办单位|主办|承办|技术支持|运维单位|维护单位)[:：]/,
  /^(?:发布时间|发布日期|来源|信息来源|浏览次数|阅读次数|访问次数|点击数|作者|编辑|责任编辑)[:：]/,
]

/** Toolbar lines and footer link rows, tested with brackets and spaces taken out: 【打印】【关闭】, 网站地图 | 联系我们. */
const TOOLBAR = /^(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|加入收藏|收藏|分享到[:：]?|分享|返回顶部|纠错)+$/
const FOOTER_LINKS = /^(?:联系我们|网站地图|网站声明|关于我们|隐私声明|帮助中心)(?:[|｜丨][^|｜丨]+)*$/

/** A line of page chrome (breadcrumb, 字号 toolbar, related-links heading, site footer, metadata line). */
export function isChromeLine(text: string): boolean {
  if (text.length > 150)
    return false
  const bare = text.replace(/[\s【】[\]]/g, '')
  return TOOLBAR.test(bare) || FOOTER_LINKS.test(bare) || CHROME_LINE.some(re => re.test(text))
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { htmlExpectation, renderHtml } from '../../../../scripts/fixtures/render'
import { COUNTY_PLAN, NESTED_PLAN } from '../../../../scripts/fixtures/samples'
import { encodeGb18030 } from '../gbk-encoder'
import { documentSpec } from './arbitrary'
import { allText, expectRefusal, paragraphs, read, rowsOf, tables } from './helpers'

/** Site chrome both saved pages carry; none of it is article text. */
const CHROME = ['当前位置', '您现在的位置', '首页', '政务公开 >', '字号', '打印', '关闭', '分享到', '上一篇', '下一篇', '相关链接', '相关文章', '网站标识码', 'ICP备', '版权所有', '主办', '技术支持', '联系我们', '网站地图', '发布时间', '发布日期', '浏览次数', '搜索', '无障碍浏览', '欢迎访问', '脚本', '隐藏的编辑标记', '浏览器版本过低', '2025年政务公开工作总结', '机构设置']

const page = (body: string, head = '<meta charset="utf-8"><title>测试页</title>') => new TextEncoder().encode(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`)

describe('.html saved pages', () => {
  it('reads the article of a UTF-8 page, headline first, and none of the site chrome', async () => {
    const doc = await read('page-utf8.html')
    expect(doc.format).toBe('html')
    expect(paragraphs(doc)).toEqual(htmlExpectation(COUNTY_PLAN, 'modern').paragraphs)
    const text = allText(doc)
    for (const chrome of CHROME)
      expect(text, chrome).not.toContain(chrome)
  })

  it('reads a GB2312 page of an older table-layout site, its task table as a table block', async () => {
    const doc = await read('page-gb2312.html')
    expect(doc.format).toBe('html')
    const expected = htmlExpectation(NESTED_PLAN, 'legacy')
    expect(paragraphs(doc)).toEqual(expected.paragraphs)
    expect(tables(doc)).toHaveLength(1)
    expect(rowsOf(tables(doc)[0])).toEqual(expected.rows)
    expect(tables(doc)[0]!.rows[1]).toMatchObject({ merged: true, cells: ['一、围绕优化营商环境加强政务公开', '', '', '', '', ''] })
    const text = allText(doc)
    for (const chrome of CHROME)
      expect(text, chrome).not.toContain(chrome)
  })

  it('round-trips random plans through both page layouts', async () => {
    await fc.assert(fc.asyncProperty(documentSpec, fc.constantFrom('modern' as const, 'legacy' as const), async (spec, variant) => {
      const doc = await read('random.html', renderHtml(spec, variant))
      const expected = htmlExpectation(spec, variant)
      expect(paragraphs(doc)).toEqual(expected.paragraphs)
      if (expected.rows)
        expect(rowsOf(tables(doc)[0])).toEqual(expected.rows)
    }), { numRuns: 40 })
  })

  it('makes paragraphs of block elements and <br>, decodes entities and turns &nbsp; into a space', async () => {
    const doc = await read('a.htm', page('<div class="content"><p>第一段&nbsp;文字&ldquo;引号&rdquo;&amp;符号</p>第二段<br>第三段<br/><div>第四段<span>续</span></div><ul><li>列表一</li><li>列表二</li></ul><pre>预排\n两行</pre></div>'))
    expect(paragraphs(doc)).toEqual(['测试页', '第一段 文字“引号”&符号', '第二段', '第三段', '第四段续', '列表一', '列表二', '预排', '两行'])
  })

  it('reads colspan and rowspan, leaving covered cells empty', async () => {
    const doc = await read('t.html', page('<div class="article"><p>任务表如下。</p><table><tr><th>序号</th><th>任务</th><th>单位</th></tr><tr><td colspan="3">一、总体</td></tr><tr><td rowspan="2">1</td><td>甲</td><td>县数据局</td></tr><tr><td>乙</td><td>县财政局</td></tr></table></div>'))
    expect(rowsOf(tables(doc)[0])).toEqual([
      { cells: ['序号', '任务', '单位'] },
      { cells: ['一、总体', '', ''], merged: true },
      { cells: ['1', '甲', '县数据局'] },
      { cells: ['', '乙', '县财政局'] },
    ])
  })

  it('decodes by the declared charset, and reads a page that declares gb2312 but is UTF-8', async () => {
    const gbk = encodeGb18030('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"><title>标题</title></head><body><div id="zoom"><p>政务公开工作要点正文内容。</p></div></body></html>')
    expect(paragraphs(await read('gbk.html', gbk))).toEqual(['标题', '政务公开工作要点正文内容。'])
    const mislabelled = new TextEncoder().encode('<html><head><meta charset="gb2312"><title>标题</title></head><body><p>政务公开工作要点正文内容。</p></body></html>')
    const doc = await read('utf8.html', mislabelled)
    expect(paragraphs(doc)).toEqual(['标题', '政务公开工作要点正文内容。'])
    expect(doc.diagnostics.map(d => d.code)).toEqual(['charset-mislabelled'])
  })

  it('reads a UTF-16 page with its byte-order mark, and Word\'s "save as web page" with its list numbers', async () => {
    const html = '<html><head><title>标题</title></head><body><div class="TRS_Editor"><p>政务公开工作要点正文内容。</p></div></body></html>'
    const utf16 = new Uint8Array(2 + html.length * 2)
    utf16.set([0xFF, 0xFE])
    for (let i = 0; i < html.length; i++) {
      utf16[2 + i * 2] = html.charCodeAt(i) & 0xFF
      utf16[3 + i * 2] = html.charCodeAt(i) >> 8
    }
    expect(paragraphs(await read('utf16.htm', utf16))).toEqual(['标题', '政务公开工作要点正文内容。'])
    const word = page(`<div class=WordSection1><p class=MsoNormal><b>某某县2026年政务公开工作要点<o:p></o:p></b></p>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、</span><![endif]>围绕优化营商环境加强公开<o:p></o:p></p>
<p class=MsoNormal>（一）深化惠企政策公开。依托门户网站设立专栏。<o:p>&nbsp;</o:p></p></div>`, '<meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered)"><title>某某县2026年政务公开工作要点</title>')
    expect(paragraphs(await read('plan.doc', word))).toEqual(['某某县2026年政务公开工作要点', '一、围绕优化营商环境加强公开', '（一）深化惠企政策公开。依托门户网站设立专栏。'])
  })

  it('tells HTML by content, not by name', async () => {
    expect((await read('notice.txt', page('<div><p>政务公开工作要点正文。</p></div>'))).format).toBe('html')
    expect((await read('old.doc', page('<p>Word 另存为网页的文件。</p>'))).format).toBe('html')
  })

  it('refuses a page without article text with one line', async () => {
    expectRefusal(await read('empty.html', page('<div class="nav"><a href="/">首页</a></div><script>var 中文 = 1</script>', '<meta charset="utf-8">')), 'html-no-body', /网页中没有找到正文/)
  })
})

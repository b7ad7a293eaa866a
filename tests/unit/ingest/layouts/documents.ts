// Plan documents in the layouts real offices publish, written for the layout tests. Each is a text the way a
// reader hands it on (one paragraph per line); the expected readings live next to them in layouts.test.ts.

/** 一、 → （一） group heading → 1. items carrying the responsibility; numbering runs on across groups. */
export const NESTED_RUN_ON = `关于印发《青山县2026年政务公开工作要点》的通知
各乡镇人民政府，县直各单位：
现将《青山县2026年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。
青山县人民政府办公室
2026年3月16日
青山县2026年政务公开工作要点
2026年是“十五五”开局之年。为做好全县政务公开工作，现提出如下要点。
一、围绕优化营商环境加强公开
（一）深化惠企政策公开
1.集中公开涉企政策。依托县政府门户网站设立惠企政策专栏，6月底前完成存量政策梳理。（牵头单位：县发展改革局；责任单位：县直各相关单位）
2.做好政策解读回应。重要政策文件出台时同步发布解读材料，做到应解尽解。（县司法局牵头，县直各相关单位配合）
（二）推进涉企执法信息公开
3.公开行政执法结果。按规定公开行政处罚决定，三季度末前完成专项检查。（县司法局、县市场监管局按职责分工负责）
二、围绕民生关切强化公开
（一）加强基层政务公开
4.推进标准目录落地。乡镇全面运用基层政务公开标准目录，年底前完成动态调整。（牵头单位：县政务服务中心；配合单位：各乡镇人民政府）
5.办好政府开放日活动。每季度至少开展1次政府开放活动。（县政务服务中心负责）
（二）做好民生资金信息公开
6.公开惠民惠农补贴信息。持续推进补贴资金发放信息公开。（县财政局、县农业农村局负责，各乡镇配合）
`

/** The same nesting with item numbers restarting in every group (ids must stay unique). */
export const NESTED_RESTART = `白沙市2025年数据要素工作要点
一、夯实数据基础
（一）健全数据资源体系
1. 编制公共数据资源目录。年底前完成。（市数据局牵头）
2. 开展数据质量治理。（市数据局牵头，市直各部门配合）
（二）推进数据共享
1. 完善共享交换平台。上半年完成升级。（市大数据中心牵头）
2. 建立共享评价机制。（市数据局牵头）
二、推动数据开发利用
（一）培育数据市场
1. 推进公共数据授权运营。（市数据局牵头，市财政局配合）
`

/** No 一、 sections at all, points 1、 numbered with a 工作计划 title, bracketed labels. */
export const FLAT_LABELS = `红星镇2026年便民服务工作计划
为提升便民服务水平，结合本镇实际，制定本计划。
1、优化便民服务站布局。年内新建便民服务站2个。【责任单位：镇党政办、镇社会事务办】
2、推行帮办代办服务。〔牵头单位：镇便民服务中心；配合单位：各村（社区）〕
3、开展延时错时服务。持续推进周末不打烊服务。（责任单位：镇便民服务中心）
4、规范窗口服务行为。2026年6月底前完成窗口人员轮训。
责任单位：镇便民服务中心、镇纪委
`

/** 第一条 articles in a department's 重点任务清单, the responsibility stated as a label in brackets. */
export const ARTICLES = `湖西省民政厅2025年重点任务清单
第一条 健全养老服务体系。推进县乡村三级养老服务网络建设，年底前乡镇区域养老服务中心覆盖率达到60%以上。（牵头单位：养老服务处；配合单位：社会救助处）
第二条 完善社会救助制度。加强低收入人口动态监测。（牵头单位：社会救助处）
第三条 深化婚姻登记跨省通办。9月底前实现婚姻登记全省通办。（牵头单位：社会事务处）
`

/** Numbering variants: （1） ⑴ ① under 一、 sections, in three plans of one document. */
export const PAREN_DIGITS = `东湖区2026年重点工作任务分解表
一、深化一件事一次办
（1）推进新生儿出生一件事。10月底前全区推开。（区卫健局牵头，区公安分局、区医保局配合）
（2）推进企业开办一件事。（区市场监管局牵头）
二、加强12345热线建设
（3）提升热线接通率。接通率达到95%以上。（区政务服务中心牵头）
`

export const CIRCLED = `南岭县2024年工作要点
一、抓好项目建设
①抓好重点项目。全年实施重点项目50个。（县发展改革局牵头）
②优化项目审批。（县行政审批局牵头）
二、改善民生福祉
③办好民生实事。（县政府办牵头，各相关部门配合）
`

export const ENCLOSED_PAREN = `北山市2023年政务服务实施方案
一、提升服务效能
⑴推行告知承诺制。（市政务局牵头）
⑵推进跨省通办。第二季度完成。（市政务局牵头，市直各部门配合）
`

/** Several （…负责落实） brackets inside one point, and a separate 责任单位 line. */
export const SPLIT_RESPONSIBILITY = `清河县2026年政务服务工作要点
一、优化政务服务
（一）推进高频事项网上办。完善网上办事大厅（县行政审批局负责落实），推动电子证照应用（县数据局负责落实）。
（二）完善帮办代办机制。建立帮办代办队伍，年底前覆盖全部乡镇。
责任单位：县政务服务中心，各乡镇人民政府
（三）长期坚持政务服务“好差评”。长期坚持开展好差评工作。（县政务服务中心牵头）
`

/** A national plan, a province-level department's plan, and a county's 任务分工方案. */
export const NATIONAL = `国务院办公厅2024年政务公开工作要点
一、以政务公开助力经济发展
（一）加强政策解读。（各地区各部门按职责分工负责）
（二）推进政务数据开放。（国家数据局牵头）
`

export const DEPARTMENT = `湖西省教育厅2026年工作要点
一、推进教育数字化
（一）建设智慧教育平台。年底前完成省级平台升级。（科技处牵头）
（二）加强教师数字素养培训。（教师处牵头）
`

export const COUNTY_DIVISION = `东湖区2027年政务公开重点工作任务分工方案
一、强化政策公开
（一）做好政策文件公开。2027年9月30日前完成。（区政府办牵头）
`

/** Noise: breadcrumbs, a news headline, HTML remnants, pinyin annotations, runs of ?, a notice title over two lines. */
export const NOISY = `您当前的位置：首页 > 政务公开 > 通知公告
关于印发《西湖县2026年政务公开
工作要点》的通知
发布时间：2026-03-02 来源：县政府办 浏览次数：1024 字号：大 中 小
西湖县2026年政务公开工作要点
一、深化政务公開(kāi)
（一）推进决策公开。重大决策预公开率达到100%。/div>（县司法局牵头）&nbsp;
（二）加强政策解读。????????做好解读工作。（县政府办牵头，县直各单位配合）
二、强化平台建设
（三）规范政府网站管理。<span style="color:red">年底前</span>完成网站集约化。（县政务服务中心牵头）
`

/** A plan with no recognisable title: it still comes out, titled from its first heading. */
export const UNTITLED = `近期重点任务安排
一、抓好疫情后经济恢复
（一）落实纾困政策。（区发展改革局牵头）
（二）稳定就业。（区人社局牵头）
`

/** The year after the genre, written in characters, and a span of years. */
export const YEAR_AFTER = `青山县政务公开工作要点（二〇二六年）
一、加强政策公开
（一）做好政策文件公开。（县政府办牵头）
`

export const YEAR_SPAN = `白沙市2025—2027年数字政府建设实施方案
一、夯实基础
（一）建设政务云平台。2027年底前完成。（市数据局牵头）
`

/** Labels for leaders and times beside the units, on the line after each point. */
export const LEADER_LABELS = `江北区2026年重点工作任务清单
一、优化营商环境
1.推进惠企政策免申即享。全面梳理惠企政策清单。
牵头领导：王某某；牵头单位：区发展改革局；配合单位：区财政局；完成时限：2026年9月底
2.开展涉企收费专项治理。
责任单位：区市场监管局，各街道办事处；完成时限：持续推进
`

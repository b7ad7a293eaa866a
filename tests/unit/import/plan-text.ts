/** A county plan that the pipeline reads today; point 3 names no responsible unit. Shared by the import tests. */
export const COUNTY_PLAN_TEXT = [
  '某某县2026年政务公开工作要点',
  '一、深化政务公开',
  '（一）推进基层政务公开标准化。年底前完成。（县政务局牵头，各乡镇配合）',
  '（二）加强政策解读。6月份前出台解读办法。（县数据局牵头）',
  '（三）完善政府信息公开目录。',
  '二、提升政务服务',
  '（四）深化一件事一次办改革。第二季度上线10个事项。（县政务服务中心牵头）',
  '',
].join('\n')

export const bytesOf = (text: string) => new TextEncoder().encode(text)

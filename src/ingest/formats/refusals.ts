import type { BlockDocument } from '../blocks'
import type { Diagnostic } from '../diagnostics'

/**
 * Every refusal and damage line the format readers give, in one place for review: a stable code, the English line
 * for the CLI and the Chinese line for the app's import preview. Each says what the file is and what to do.
 */
export const REFUSALS = {
  'damaged-zip': {
    message: 'the file is damaged or incomplete (it cannot be unzipped); download it again',
    zh: '文件已损坏或不完整（无法解压），请重新下载',
  },
  'damaged-docx': {
    message: 'the Word file is damaged (its main text is missing or unreadable); open it in Word or WPS and save it again',
    zh: 'Word 文件已损坏（缺少正文或无法读取），请在 Word 或 WPS 中打开后重新保存',
  },
  'docx-alt-chunk': {
    message: 'the Word file embeds content from another file (altChunk) that cannot be read; open it in Word or WPS and save it again',
    zh: 'Word 文件中有嵌入的外部内容未能读入，请在 Word 或 WPS 中打开后重新保存再导入',
  },
  'damaged-sheet': {
    message: 'the spreadsheet is damaged and cannot be read; open it in Excel or WPS and save it again',
    zh: '表格文件已损坏，无法读取，请在 Excel 或 WPS 中打开后重新保存',
  },
  'damaged-pdf': {
    message: 'the PDF file is damaged and cannot be read; download or export it again',
    zh: 'PDF 文件已损坏，无法读取，请重新下载或重新导出 PDF',
  },
  'damaged-office': {
    message: 'the file looks like an Office 97–2003 file but is damaged; open it in Word, Excel or WPS and save it again',
    zh: '文件像是旧版 Office 文件，但已损坏，请在 Word、Excel 或 WPS 中打开后重新保存',
  },
  'not-pdf': {
    message: 'the file is named .pdf but is not a PDF (damaged or incomplete); download it again',
    zh: '文件名是 .pdf，但内容不是 PDF（文件已损坏或不完整），请重新下载',
  },
  'not-office': {
    message: 'the file is named like a Word or Excel file but its content is not one (damaged or incomplete); download it again',
    zh: '文件名是 Word 或 Excel 文件，但内容不是（文件已损坏或不完整），请重新下载',
  },
  'pdf-scanned': {
    message: 'scanned PDF: the pages are images without a text layer; provide a text PDF or the Word file',
    zh: '扫描版 PDF 无文字层，请提供文字版或 Word 文件',
  },
  'pdf-encrypted': {
    message: 'the PDF file is encrypted (password-protected); provide an unencrypted file',
    zh: 'PDF 文件已加密，请提供未加密的文件',
  },
  'pdf-no-unicode': {
    message: 'the PDF\'s text cannot be extracted correctly (its fonts carry no text encoding); provide the Word file or export the PDF again',
    zh: 'PDF 中的文字无法正确提取（字体没有文字编码），请提供 Word 文件或重新导出 PDF',
  },
  'doc-legacy': {
    message: 'this is an old Word document (.doc); save it as .docx in Word or WPS and import that',
    zh: '这是旧版 Word 文档（.doc），请在 Word 或 WPS 中“另存为” .docx 后再导入',
  },
  'ppt-legacy': {
    message: 'this is an old PowerPoint presentation (.ppt), which is not supported; provide a Word, PDF or Excel file',
    zh: '这是旧版 PowerPoint 演示文稿（.ppt），暂不支持，请提供 Word、PDF 或 Excel 文件',
  },
  'office-encrypted': {
    message: 'the Office file is encrypted (it has an opening password); remove the password, save it again and import that',
    zh: 'Office 文件已加密（设置了打开密码），请取消密码并重新保存后再导入',
  },
  'office-unknown': {
    message: 'this Office 97–2003 file is neither a Word nor an Excel document; provide a .docx, .xlsx or PDF file',
    zh: '这是无法识别的旧版 Office 文件，请提供 .docx、.xlsx 或 PDF 文件',
  },
  'pptx': {
    message: '.pptx presentations are not supported; save the content as a Word or PDF file and import that',
    zh: '暂不支持 .pptx 演示文稿，请将内容另存为 Word 或 PDF 文件后再导入',
  },
  'odf': {
    message: 'OpenDocument files (.odt/.ods/.odp) are not supported; save it as .docx or .xlsx in WPS or Office and import that',
    zh: '暂不支持 OpenDocument 格式（.odt/.ods/.odp），请在 WPS 或 Office 中“另存为” .docx 或 .xlsx 后再导入',
  },
  'ofd': {
    message: 'OFD files are not supported; provide the PDF or Word version',
    zh: '暂不支持 OFD 版式文件，请提供 PDF 或 Word 版本',
  },
  'archive': {
    message: 'this is a compressed archive (zip, rar, 7z…); extract it and import the Word, PDF or Excel files inside',
    zh: '这是压缩包，请先解压，再导入其中的 Word、PDF 或 Excel 文件',
  },
  'rtf': {
    message: 'this is an RTF document; save it as .docx in Word or WPS and import that',
    zh: '这是 RTF 文档，请在 Word 或 WPS 中“另存为” .docx 后再导入',
  },
  'image': {
    message: 'this is an image: its text cannot be recognised; provide a Word file, a text PDF or an Excel file',
    zh: '这是图片，无法识别其中的文字，请提供 Word、PDF 文字版或 Excel 文件',
  },
  'media': {
    message: 'this is an audio or video file, not a document; provide a Word, PDF or Excel file',
    zh: '这是音频或视频文件，不是文档，请提供 Word、PDF 或 Excel 文件',
  },
  'executable': {
    message: 'this is a program file, not a document; provide a Word, PDF or Excel file',
    zh: '这是程序文件，不是文档，请提供 Word、PDF 或 Excel 文件',
  },
  'no-text': {
    message: 'the document holds no text',
    zh: '文档中没有文字内容，请检查文件是否正确',
  },
  'html-no-body': {
    message: 'no article text found in the web page; check the page, or provide a Word or PDF file',
    zh: '网页中没有找到正文内容，请核对网页，或提供 Word、PDF 文件',
  },
  'unreadable': {
    message: 'the file could not be read (damaged or an unsupported variant)',
    zh: '文件无法读取（已损坏或格式不受支持），请检查文件后重试',
  },
  // The text decoder's own codes (decode.ts), given Chinese words here so every refusal reads the same way.
  'empty': { message: 'the file is empty', zh: '文件是空的，没有可读的内容' },
  'binary': {
    message: 'the file is not a text document nor a Word, PDF or Excel file',
    zh: '无法识别文件内容（不是文字文档，也不是 Word、PDF 或 Excel 文件），请检查文件',
  },
  'unknown-encoding': {
    message: 'unknown text encoding: not UTF-8, UTF-16 or GBK/GB18030',
    zh: '无法识别文字编码（不是 UTF-8、UTF-16 或 GBK），请另存为 UTF-8 文本后再导入',
  },
} as const satisfies Record<string, { message: string, zh: string }>

export type RefusalCode = keyof typeof REFUSALS

/** The one error diagnostic of a refusal; `detail` (a library's error text) is appended to the English line. */
export function refusalDiagnostic(code: RefusalCode, source: string, detail?: string): Diagnostic {
  const words = REFUSALS[code]
  return { level: 'error', code, source, message: detail ? `${words.message} (${detail})` : words.message, zh: words.zh }
}

/** A document that could not be read: no blocks, exactly one error diagnostic. */
export function refuse(code: RefusalCode, source: string, detail?: string): BlockDocument {
  return { source, format: null, blocks: [], diagnostics: [refusalDiagnostic(code, source, detail)] }
}

/** Gives the text decoder's error diagnostics (empty, binary, unknown-encoding) their Chinese line. */
export function withChineseWords(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map(d => (d.level === 'error' && !d.zh && d.code in REFUSALS ? { ...d, zh: REFUSALS[d.code as RefusalCode].zh } : d))
}

/** A library error's text, short enough for one line. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error)
  return text.replace(/\s+/g, ' ').slice(0, 200)
}

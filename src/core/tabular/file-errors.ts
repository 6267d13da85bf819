import { AppError } from '../../shared/errors';

/** Errors about a file the user chose; every message names the file and says what to do. */
export const fileErrors = {
  tooLarge: (fileName: string, size: number, max: number) =>
    new AppError(
      'FILE_TOO_LARGE',
      `文件「${fileName}」太大（${mib(size)}），超过了 ${mib(max)} 的上限。请删除无关的工作表或列后再导入，或分成几个文件。`,
      { fileName, size, maxBytes: max },
    ),
  empty: (fileName: string) =>
    new AppError('FILE_EMPTY', `文件「${fileName}」是空的，没有任何数据。请确认选对了文件，并且已在 Excel 中保存。`, {
      fileName,
    }),
  encrypted: (fileName: string) =>
    new AppError(
      'FILE_ENCRYPTED',
      `文件「${fileName}」已加密（设置了打开密码），无法读取。请在 Excel 中取消密码后另存为 .xlsx 再导入。`,
      { fileName },
    ),
  oldXls: (fileName: string) =>
    new AppError(
      'FILE_UNSUPPORTED',
      `文件「${fileName}」是旧版 Excel 97-2003 格式（.xls），本程序不能读取。请在 Excel 或 WPS 中打开，` +
        `“另存为” Excel 工作簿（.xlsx）后再导入（如果文件设置了密码，也请一并取消）。`,
      { fileName, detected: 'xls' },
    ),
  otherOffice: (fileName: string) =>
    new AppError(
      'FILE_UNSUPPORTED',
      `文件「${fileName}」不是 Excel 工作簿（可能是 Word 等其他 Office 文件）。请导入 .xlsx 或 .csv 文件。`,
      { fileName, detected: 'cfb' },
    ),
  html: (fileName: string) =>
    new AppError(
      'FILE_UNSUPPORTED',
      `文件「${fileName}」实际是网页（HTML/XML）格式，只是扩展名像 Excel。请用 Excel 打开它，“另存为” Excel 工作簿（.xlsx）后再导入。`,
      { fileName, detected: 'html' },
    ),
  notWorkbook: (fileName: string, detected: string) =>
    new AppError(
      'FILE_UNSUPPORTED',
      `文件「${fileName}」是压缩包，但不是 Excel 工作簿（.xlsx）${detected === 'xlsb' ? '，而是二进制工作簿（.xlsb）' : ''}。` +
        `请在 Excel 中另存为 .xlsx 或 .csv 后再导入。`,
      { fileName, detected },
    ),
  unsupported: (fileName: string) =>
    new AppError('FILE_UNSUPPORTED', `无法识别文件「${fileName}」的格式。请导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。`, {
      fileName,
    }),
  /** `cause` is the library's own (English) text: kept for support in details, not shown in the message. */
  corrupt: (fileName: string, reason: string, cause?: string) =>
    new AppError(
      'FILE_CORRUPT',
      `文件「${fileName}」已损坏或不是有效的 Excel 工作簿（${reason}）。请在 Excel 中重新打开并“另存为” .xlsx 后再导入。`,
      cause === undefined ? { fileName, reason } : { fileName, reason, cause },
    ),
  csvQuote: (fileName: string, row: number) =>
    new AppError(
      'FILE_CORRUPT',
      `文件「${fileName}」第 ${row} 行有一个引号（"）没有闭合，之后的内容无法正确分列。请在 Excel 中打开检查该行后重新保存。`,
      { fileName, row },
    ),
  zipBomb: (fileName: string, reason: string) =>
    new AppError(
      'FILE_ZIP_BOMB',
      `文件「${fileName}」解压后过大或压缩比异常（${reason}），为安全起见拒绝读取。` +
        `如果这是正常的表格，请删除多余的工作表、空白行列和图片后另存为 .xlsx 再导入。`,
      { fileName, reason },
    ),
  tooManyRows: (fileName: string, sheet: string, max: number) =>
    new AppError('FILE_TOO_MANY_ROWS', `文件「${fileName}」的工作表「${sheet}」超过 ${max} 行。请分成几个文件导入。`, {
      fileName,
      sheet,
      maxRows: max,
    }),
  tooManyCells: (fileName: string, sheet: string | null, maxCells: number, maxChars: number) =>
    new AppError(
      'FILE_TOO_MANY_CELLS',
      `文件「${fileName}」${sheet === null ? '' : `的工作表「${sheet}」`}内容过多（全部工作表合计超过 ${maxCells} 个单元格或 ${maxChars} 个字），` +
        `为安全起见停止读取。请删除无关的工作表、列和远处的零散内容，或分成几个文件导入。`,
      sheet === null ? { fileName, maxCells, maxChars } : { fileName, sheet, maxCells, maxChars },
    ),
};

function mib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

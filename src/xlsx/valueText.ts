/**
 * A cell's stored value read as its type says (ECMA-376 §18.3.1.4 `c`, §18.3.1.96 `v`), strictly: what
 * is not of its type is not guessed at. parseFloat read `1,000` as 1 and `12abc` as 12 (so does
 * LibreOffice, and `abc` as 0) — a figure no one typed — and a text that gave NaN went on to ExcelJS,
 * which handed NaN to the snapshot and the file was reported "too large or malformed". Such a cell is
 * now refused as damage, named (DamagedCell), as the reader refuses a part XML refuses.
 */

/** xsd:double as a cell stores it (white space collapsed first): sign, digits, fraction, exponent. */
const XSD_DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** XML's white space, all of it: what xsd's collapse takes off both ends. */
const XML_SPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g;

const collapsed = (text: string): string => text.replace(XML_SPACE, "");

/** Whether a stored text is none: empty, or only XML's white space. */
export const isBlankText = (text: string): boolean => collapsed(text) === "";

/**
 * A number cell's text: its number; null for none (empty, or only white space, as LibreOffice reads
 * it); undefined for text that is no finite number (`1,000`, `abc`, `INF`, `1e400`, which Excel cannot hold).
 */
export function numberOfText(text: string): number | null | undefined {
  const s = collapsed(text);
  if (s === "") return null;
  if (!XSD_DOUBLE.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A `t="b"` cell's text, 1 or 0 as Excel writes it: null for none, undefined for anything else — `true`
 * too, which xsd:boolean allows but LibreOffice reads as FALSE.
 */
export function booleanOfText(text: string): boolean | null | undefined {
  const s = collapsed(text);
  if (s === "") return null;
  if (s === "1") return true;
  if (s === "0") return false;
  return undefined;
}

/**
 * A `t="s"` cell's text: the index of its shared string (an integer; `1.0` too, as LibreOffice reads
 * it); null for none, undefined for what is no index (`1.5`, `-1`, `abc`).
 */
export function indexOfText(text: string): number | null | undefined {
  const n = numberOfText(text);
  if (n === null) return null;
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** A stored value or reference that is not what its cell says it is: refused by the reader, naming the cell. */
export class DamagedCell extends Error {
  constructor(
    /** What is wrong, after "工作表「…」" (the sheet named by whoever knows it). */
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** A stored text as a message shows it: quoted by the caller, cut short. */
function shown(text: string): string {
  const s = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return s.replace(/[\r\n\t]/g, " ");
}

const KINDS = {
  number: { zh: "数字", en: "a number" },
  boolean: { zh: "逻辑值（TRUE 或 FALSE）", en: "TRUE or FALSE" },
  date: { zh: "日期", en: "a date" },
  index: { zh: "一条共享文本的序号", en: "the number of a shared text" },
} as const;

export const damaged = {
  value: (cell: string, kind: keyof typeof KINDS, text: string) =>
    new DamagedCell(`单元格 ${cell} 应存${KINDS[kind].zh}，存的却是“${shown(text)}”`, `cell ${cell} should hold ${KINDS[kind].en} but holds "${shown(text)}"`),
  missingString: (cell: string, index: number, count: number) =>
    new DamagedCell(
      `单元格 ${cell} 指向第 ${index + 1} 条共享文本，而工作簿只有 ${count} 条（其文字已丢失）`,
      `cell ${cell} points to shared text ${index + 1} of a workbook that has ${count} (its text is lost)`,
    ),
  type: (cell: string, t: string) => new DamagedCell(`单元格 ${cell} 的类型“${shown(t)}”不是单元格的类型`, `cell ${cell} has the type "${shown(t)}", which is no cell type`),
  reference: (ref: string) => new DamagedCell(`有一个单元格的位置写作“${shown(ref)}”，不是单元格引用`, `a cell's place is written "${shown(ref)}", which is no cell reference`),
  beyond: (ref: string) =>
    new DamagedCell(`单元格 ${shown(ref)} 超出了工作表的范围（最大到 XFD1048576）`, `cell ${shown(ref)} lies beyond a sheet's last cell (XFD1048576)`),
  otherRow: (ref: string, row: number) => new DamagedCell(`单元格 ${ref} 写在了第 ${row} 行里`, `cell ${ref} is written inside row ${row}`),
  row: (r: string) => new DamagedCell(`有一行的行号写作“${shown(r)}”，不是行号`, `a row's number is written "${shown(r)}", which is no row number`),
  rowTwice: (row: number) => new DamagedCell(`第 ${row} 行写了两次`, `row ${row} is written twice`),
  rowBeyond: (row: number) => new DamagedCell(`第 ${row} 行超出了工作表的范围（最多 1048576 行）`, `row ${row} lies beyond a sheet's last row (1048576)`),
};

/** What a person can do about a damaged cell: have a spreadsheet program repair it, and check what it kept. */
export const CHECK_THE_CELL = {
  zh: "请在 Excel 或 WPS 中打开，核对该处（必要时重新输入）后另存，再检查；或用生成该文件的程序重新导出。",
  en: "Open it in Excel or WPS, check that place (type it again if need be), save it and check it again; or export it again from the program that made it.",
};

/** A sheet's last row and column (Excel 2007 on: XFD1048576). */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

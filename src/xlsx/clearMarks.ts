import { fillPackage, PackageShapeError } from "./package/fillPackage";
import { openWorkbook } from "./package/workbook";
import { XmlShapeError } from "./package/xml";
import { ZipError } from "./package/zip";
import { checkDeclaredSize, readerGuard } from "./sizeCheck";
import { otherFormatOf, precheck, WorkbookReadError } from "./sniff";

/**
 * `jixiao clear`: a copy of a workbook with the add-in's marks (its conditional formats) and its notes
 * (【绩效自评助手】) taken away, and nothing else changed — what was filled stays filled, a person's own
 * conditional formats and notes stay. A protected sheet is left as it is, and said so. No Node API here.
 */

export interface SheetCleared {
  sheet: string;
  marks: number;
  notes: number;
  protected?: boolean;
}

interface ClearResult {
  /** Absent when the workbook could not be read or edited; `error` says why. */
  bytes?: Uint8Array;
  sheets: SheetCleared[];
  error?: { zh: string; en: string };
}

export async function clearWorkbookBytes(file: string, bytes: Uint8Array, memoryMb = 2048): Promise<ClearResult> {
  try {
    const other = otherFormatOf(file, bytes);
    if (other) {
      // The add-in marks .xlsx workbooks only: its copies of other formats are .xlsx.
      return {
        sheets: [],
        error: {
          zh: "这不是 .xlsx 工作簿，其中不会有本程序的标记（本程序的副本都是 .xlsx）。",
          en: "Not an .xlsx workbook: it cannot hold this program's marks (its copies are all .xlsx).",
        },
      };
    }
    precheck(bytes);
    checkDeclaredSize(bytes, memoryMb, true);
    const book = await openWorkbook(bytes, readerGuard(memoryMb));
    const names = book.sheets.filter((s) => s.rel && !s.rel.external && !s.rel.outside).map((s) => s.name);
    const filled = await fillPackage(
      book,
      names.map((sheet) => ({ sheet, writes: [], marks: [] })),
    );
    return {
      bytes: filled.bytes,
      sheets: names.map((sheet) => {
        const s = filled.sheets.get(sheet)!;
        return { sheet, marks: s.removed.marks, notes: s.removed.notes, ...(s.protected ? { protected: true } : {}) };
      }),
    };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { sheets: [], error: { zh: e.zh, en: e.en } };
    if (e instanceof PackageShapeError || e instanceof XmlShapeError) {
      return {
        sheets: [],
        error: { zh: `工作簿的结构无法安全编辑，未写出副本（${e.message}）。`, en: `The workbook's structure cannot be edited safely, so no copy was written (${e.message}).` },
      };
    }
    if (e instanceof ZipError) return { sheets: [], error: { zh: `工作簿已损坏，无法读取（${e.message}）。`, en: `The workbook is damaged and cannot be read (${e.message}).` } };
    throw e;
  }
}

import type { CellSpans } from "./cellSpans";
import { AGAIN, WorkbookReadError } from "../sniff";
import { declaredType, Package, REL, relationshipsOf, sameType, type Relationship } from "./opc";
import type { InflateGuard } from "./zip";
import { attr, childrenOf, relIdOf, rootOf, XmlShapeError, type Element } from "./xml";
import { CLOSE, decodeXstring, DONE, OPEN, XmlScanner } from "./xmlScan";

/**
 * A workbook package opened once: its workbook part, the sheets it lists, and the parts every sheet
 * shares (strings, styles). The reader (readPackage.ts) and the writer (fillPackage.ts) both start
 * here, and a fill is handed the workbook its check read — so no part is inflated twice.
 */
export interface OpenedWorkbook {
  pkg: Package;
  /** The workbook part's name, and its text. */
  part: string;
  xml: string;
  rels: Relationship[];
  /** The sheets in the workbook's order, each with its relationship (absent when the id leads nowhere). */
  sheets: SheetEntry[];
  date1904: boolean;
  fullCalcOnLoad: boolean;
  stylesPart?: string;
  /** The shared strings, read once on first use. */
  sharedStrings(): string[];
  /** Parts whose text the reader walked whole with the XML scanner (so well-formed): a fill need not walk them again. */
  walked: Set<string>;
  /** The styles part's root element and its children, where the reader walked it (a fill's styles start from them). */
  stylesRoot?: { root: Element; children: Element[] };
  /** Set by a caller that will fill: the reader notes where each sheet's rows and cells stand, by part. */
  cellSpans?: Map<string, CellSpans>;
}

interface SheetEntry {
  name: string;
  rel?: Relationship;
  /** The workbook hides it (`state="hidden"` or `"veryHidden"`). */
  hidden?: true;
}

/** A package that is no workbook this code can read or edit: no workbook part, or not one it knows. */
export class PackageShapeError extends Error {}

const on = (v: string | undefined) => v === "1" || v === "true";

export async function openWorkbook(input: Uint8Array | Package, guard?: InflateGuard): Promise<OpenedWorkbook> {
  const pkg = input instanceof Package ? input : await Package.open(input, guard);
  const top = await relationshipsOf(pkg, "");
  const bookRel = top.find((r) => sameType(r.type, REL.officeDocument) && !r.external);
  if (!bookRel) throw new PackageShapeError("no workbook part");
  const part = bookRel.target;
  if (bookRel.outside) throw new WorkbookReadError(`工作簿已损坏：其主体指向工作簿之外的文件（${part}），无法读取。`, `The workbook is damaged: its main part points outside the workbook (${part}).`);
  const xml = await pkg.read(part);
  if (xml === undefined) throw new PackageShapeError("workbook part missing");
  await checkDeclaredAsWorkbook(pkg, part);
  // Any namespace prefix (`<x:workbook>`, as some .NET writers write): elements are found by local name.
  const root = rootOf(xml);
  if (root.name !== "workbook") throw new PackageShapeError("no workbook element");
  const kids = childrenOf(xml, root);
  const pr = kids.find((c) => c.name === "workbookPr");
  const calc = kids.find((c) => c.name === "calcPr");
  const sheetsEl = kids.find((c) => c.name === "sheets");
  const rels = await relationshipsOf(pkg, part);
  const partOf = (type: string) => rels.find((r) => sameType(r.type, type) && !r.external)?.target;
  const sheets: SheetEntry[] = [];
  for (const s of sheetsEl ? childrenOf(xml, sheetsEl) : []) {
    if (s.name !== "sheet") continue;
    const rid = relIdOf(xml, s);
    const rel = rels.find((r) => r.id === rid);
    const state = attr(xml, s, "state");
    sheets.push({ name: attr(xml, s, "name") ?? "", ...(rel ? { rel } : {}), ...(state === "hidden" || state === "veryHidden" ? { hidden: true as const } : {}) });
  }
  const ssPart = partOf(REL.sharedStrings);
  let strings: string[] | undefined;
  return {
    pkg,
    part,
    xml,
    rels,
    sheets,
    date1904: pr ? on(attr(xml, pr, "date1904")) : false,
    fullCalcOnLoad: calc ? on(attr(xml, calc, "fullCalcOnLoad")) : false,
    ...(partOf(REL.styles) ? { stylesPart: partOf(REL.styles) } : {}),
    sharedStrings: () => (strings ??= sharedStrings(ssPart === undefined ? undefined : pkg.readNow(ssPart))),
    walked: new Set(),
  };
}

/** The content types a workbook's main part may be declared with: a workbook, a template, with macros or not, an add-in (ECMA-376 and MS-OFFMACRO). */
const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml",
  "application/vnd.ms-excel.template.macroenabled.main+xml",
  "application/vnd.ms-excel.addin.macroenabled.main+xml",
]);


/**
 * Refuses a package whose [Content_Types].xml is missing, not well-formed, or does not declare its
 * main part a workbook: Excel and LibreOffice open no such file (LibreOffice opens a malformed one
 * that its parser read as far as the workbook's entry), so it is never read here as if they did.
 */
async function checkDeclaredAsWorkbook(pkg: Package, part: string): Promise<void> {
  const damaged = (zh: string, en: string) =>
    new WorkbookReadError(`工作簿已损坏：${zh}，Excel 和 LibreOffice 都无法打开它，无法读取。${AGAIN.zh}`, `The workbook is damaged: ${en}; neither Excel nor LibreOffice opens it. ${AGAIN.en}`);
  let type: string | undefined | null;
  try {
    type = await declaredType(pkg, part);
  } catch (e) {
    if (!(e instanceof XmlShapeError)) throw e;
    // Not said to be unopenable: LibreOffice keeps what its parser read before the fault (a part cut after the workbook's entry opens).
    throw new WorkbookReadError(
      `工作簿已损坏：其内容类型清单 [Content_Types].xml 不合规范（${e.message}），无法读取。${AGAIN.zh}`,
      `The workbook is damaged: its [Content_Types].xml is not well-formed (${e.message}). ${AGAIN.en}`,
    );
  }
  if (type === null) throw damaged("缺少内容类型清单 [Content_Types].xml", "it has no [Content_Types].xml");
  if (type === undefined || !WORKBOOK_TYPES.has(type.trim().toLowerCase())) {
    throw damaged(`其内容类型清单 [Content_Types].xml 没有把 ${part} 声明为工作簿（${type ?? "未声明"}）`, `its [Content_Types].xml does not declare ${part} a workbook (${type ?? "no type"})`);
  }
}

/**
 * The text of a string item (`<si>` or an inline `<is>`), the cursor on its start tag: its `<t>`
 * texts and its rich-text runs' `<t>` texts joined, `_xHHHH_` escapes decoded, phonetic runs (`<rPh>`)
 * left out. Leaves the cursor on the item's end tag.
 */
export function stringItem(sc: XmlScanner): string {
  if (sc.selfClosing) {
    sc.next();
    return "";
  }
  const depth = sc.path.length;
  let out = "";
  while (sc.next() !== DONE) {
    if (sc.kind === CLOSE && sc.path.length < depth) break;
    if (sc.kind !== OPEN) continue;
    const inRun = sc.path.length === depth + 2 && sc.path[depth] === "r";
    if (sc.name === "t" && (sc.path.length === depth + 1 || inRun)) out += decodeXstring(sc.textContent());
    else if (sc.name !== "r" || sc.path.length !== depth + 1) sc.skipElement();
  }
  return out;
}

function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const sc = new XmlScanner(xml);
  while (sc.next() !== DONE) {
    if (sc.kind !== OPEN) continue;
    if (sc.path.length === 1) {
      if (sc.name !== "sst") throw new PackageShapeError("no sst element");
      continue;
    }
    if (sc.path.length === 2 && sc.name === "si") out.push(stringItem(sc));
    else sc.skipElement();
  }
  return out;
}

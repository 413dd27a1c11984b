import { markFormula, MARK_COLORS, NOTE_PREFIX, type CellWrite, type Mark } from "../../core/plan";
import type { RowHeight } from "../../core/planTypes";
import { fitCell } from "../../core/text";
import { writeNotes } from "./notes";
import { addContentType, addRelationship, Package, relationshipsOf, REL, sameType } from "./opc";
import { openWorkbook, PackageShapeError, type OpenedWorkbook } from "./workbook";
import { cellEdits, isProtected, markEdits, removeOwnMarks } from "./sheetXml";
import { MINIMAL_STYLES, Styles } from "./styles";
import { attr, childrenOf, forgetTexts, insertionPoint, rootOf, splice, splicePieces, wellFormed, withAttr, XmlShapeError } from "./xml";

/**
 * The filled copy made by editing the original package: every part not named below keeps its bytes.
 * Changed: the written sheets (their written cells' `<c>`, the height of the rows grown for drafts,
 * the marks' conditional formats, a legacyDrawing reference), styles.xml (entries appended), the notes' comments and VML parts (made or
 * added to), their relationships and content types, and workbook.xml's calcPr when values were
 * written (so formulas over them are recalculated on opening).
 */

export interface SheetFill {
  /** The sheet's name as the workbook lists it. */
  sheet: string;
  writes: CellWrite[];
  marks: Mark[];
  /** Rows to make taller (drafted reasons, to print whole). */
  rows?: RowHeight[];
}

interface SheetFilled {
  written: string[];
  skipped: string[];
  notes: string[];
  /** The sheet is protected: nothing was changed on it. */
  protected?: boolean;
  /** The sheet's drawing could not be read: its notes were not written (its marks were). */
  notesUnwritable?: boolean;
  /** The add-in's earlier marks (conditional-format rules) and notes taken away. */
  removed: { marks: number; notes: number };
}

interface PackageFilled {
  bytes: Uint8Array;
  sheets: Map<string, SheetFilled>;
  /** Part names that differ from the original's (for tests and the curious). */
  changedParts: string[];
}

export { PackageShapeError };

const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Fill a workbook: its bytes, or the workbook its check opened (whose parts are then not inflated again). */
export async function fillPackage(input: Uint8Array | OpenedWorkbook, fills: SheetFill[]): Promise<PackageFilled> {
  try {
    return await fillOpened(input, fills);
  } finally {
    forgetTexts();
  }
}

async function fillOpened(input: Uint8Array | OpenedWorkbook, fills: SheetFill[]): Promise<PackageFilled> {
  const book = input instanceof Uint8Array ? await openWorkbook(input) : input;
  const { pkg, part: wbPart } = book;
  const partOf = new Map<string, string>();
  for (const { name, rel } of book.sheets) {
    // Excel never lets two sheets share a name (case aside): a package that has them is not edited, so no
    // fill can land on the wrong one of the two.
    if ([...partOf.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) throw new PackageShapeError(`two sheets named ${name}`);
    if (rel && !rel.external && !rel.outside) partOf.set(name, rel.target);
  }

  let styles: Styles | null = null;
  let stylesPart = book.stylesPart;
  let stylesNew = false;
  const getStyles = async (): Promise<Styles> => {
    if (styles) return styles;
    const xml = stylesPart ? await pkg.read(stylesPart) : undefined;
    if (xml === undefined) stylesNew = true;
    // Walked whole by the reader: its root known, the part not walked again to find it.
    else if (book.stylesRoot && book.walked.has(stylesPart!)) wellFormed(xml, book.stylesRoot.root, book.stylesRoot.children);
    styles = new Styles(xml ?? MINIMAL_STYLES);
    return styles;
  };
  const sharedString = (i: number): string | undefined => book.sharedStrings()[i];

  const result = new Map<string, SheetFilled>();
  let anyWritten = false;
  for (const f of fills) {
    const part = partOf.get(f.sheet);
    const original = part ? await pkg.read(part) : undefined;
    if (!part || original === undefined) throw new PackageShapeError(`no part for sheet ${f.sheet}`);
    // Where the reader noted the rows and cells of the sheet, the worksheet's children too (not walked again to list them).
    const spans = book.cellSpans?.get(part);
    if (book.walked.has(part)) wellFormed(original, spans?.root ?? null, spans?.root ? spans.children : null);
    if (isProtected(original)) {
      result.set(f.sheet, { written: [], skipped: f.writes.map((w) => w.cell), notes: [], protected: true, removed: { marks: 0, notes: 0 } });
      continue;
    }
    if (f.writes.length === 0 && f.marks.length === 0 && !(await hasOwnMarks(pkg, part, original))) {
      result.set(f.sheet, { written: [], skipped: [], notes: [], removed: { marks: 0, notes: 0 } });
      continue;
    }
    const st = f.writes.some((w) => w.numberFormat || w.wrap) || f.marks.length > 0 ? await getStyles() : null;
    const unmarked = removeOwnMarks(original);
    const xml = unmarked.xml;
    // The cells', the rows', the marks' and the notes' edits are made at once, against one text: each
    // edit of a large sheet copies the whole of it (and the next walks it again). The rows and cells
    // where the reader found them, if they have not moved since. Only the rows of drafts that are
    // written grow: a reason a person typed meanwhile keeps its row.
    const cells = cellEdits(xml, f.writes, st, sharedString, spans && unmarked.from >= spans.dataEnd ? spans : undefined, f.rows);
    const edits = cells.edits;
    edits.push(
      ...markEdits(
        xml,
        f.marks.map((m) => ({
          cell: m.cell,
          formula: markFormula(m.cell, m.condition).slice(1),
          dxfId: st!.dxf(argb(MARK_COLORS[m.severity].font), argb(MARK_COLORS[m.severity].fill)),
        })),
      ),
    );
    // The notes' legacyDrawing goes after the marks' conditional formats (the schema's order) when both are put at one place.
    const notes = await writeNotes(
      pkg,
      part,
      xml,
      f.marks.map((m) => ({ cell: m.cell, text: fitCell(`${NOTE_PREFIX.zh}${m.note.zh}`) })),
    );
    edits.push(...notes.sheetEdits);
    // The edited sheet goes to the copy as its pieces: a large sheet's text is not made again whole.
    if (edits.length > 0) pkg.writePieces(part, splicePieces(xml, edits));
    else if (xml !== original) pkg.write(part, xml);
    if (cells.written.length > 0) anyWritten = true;
    result.set(f.sheet, {
      written: cells.written,
      skipped: cells.skipped,
      notes: notes.written,
      ...(notes.unwritable ? { notesUnwritable: true } : {}),
      removed: { marks: unmarked.removed, notes: notes.removed },
    });
  }

  const st = styles as Styles | null;
  if (st && st.changed) {
    if (stylesNew) {
      stylesPart = pkg.has("xl/styles.xml") ? pkg.freeName("xl/styles", ".xml") : "xl/styles.xml";
      await addRelationship(pkg, wbPart, REL.styles, stylesPart);
      await addContentType(pkg, stylesPart, STYLES_TYPE);
    }
    pkg.write(stylesPart!, st.text());
  }
  if (anyWritten) pkg.write(wbPart, withFullCalcOnLoad((await pkg.read(wbPart))!));
  return { bytes: await pkg.bytes(), sheets: result, changedParts: pkg.changedParts };
}

/** Whether the sheet still carries marks of an earlier run (to be taken away even with none to add). */
async function hasOwnMarks(pkg: Package, part: string, xml: string): Promise<boolean> {
  if (removeOwnMarks(xml).removed > 0) return true;
  const rels = await relationshipsOf(pkg, part);
  const c = rels.find((r) => sameType(r.type, REL.comments) && !r.external);
  const text = c ? await pkg.read(c.target) : undefined;
  return text !== undefined && text.includes(NOTE_PREFIX.zh);
}

/** workbook.xml asking the reader to recalculate every formula on opening. */
function withFullCalcOnLoad(xml: string): string {
  const root = rootOf(xml);
  const calc = childrenOf(xml, root).find((c) => c.name === "calcPr");
  if (calc) {
    const v = attr(xml, calc, "fullCalcOnLoad");
    if (v === "1" || v === "true") return xml;
    return splice(xml, [{ start: calc.start, end: calc.tagEnd, text: withAttr(xml, calc, "fullCalcOnLoad", "1") }]);
  }
  if (root.selfClosing) throw new XmlShapeError("empty workbook");
  const p = root.qname.slice(0, root.qname.length - root.name.length);
  const at = insertionPoint(xml, root, WORKBOOK_ORDER, "calcPr");
  return splice(xml, [{ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` }]);
}

import { wellFormed, type Element } from "./xml";
import { CLOSE, DONE, OPEN, XmlScanner, XmlShapeError } from "./xmlScan";

/**
 * What the reader takes from styles.xml (ECMA-376 §18.8), in one pass of the scanner over it: each
 * cellXfs entry's number format id and whether its text wraps, the custom number formats, and the
 * default font's size (the first font's). The two readings this replaces each found the root (a walk
 * over the whole part) and then walked its children again; a workbook whose styles grew by copy and
 * paste (tens of thousands of entries, a common bloat) spent most of its check there: 120 of 200 ms
 * for a 20-row form with 60,000 cell formats. test/xlsx/stylesRead.test.ts holds it equal to them.
 */
interface StylesRead {
  /** Per cellXfs entry (each `xf` of every cellXfs, in order): its numFmtId as a number (0 when absent). */
  formatIds: number[];
  /** Per cellXfs entry: its text wraps (its first `alignment` says wrapText). */
  wraps: boolean[];
  /** Custom number formats by id (a later one of an id over an earlier). */
  custom: Map<number, string>;
  /** The default font's size (the first font of the last `fonts` that gives a size from 1 to 409), in points. */
  fontSize: number;
  /** The part's root element (null when there is no part). */
  root: Element | null;
  /** The root's child elements (empty when there is no part). */
  children: Element[];
}

const on = (v: string | undefined) => v === "1" || v === "true";

export function readStyles(xml: string | undefined): StylesRead {
  const out: StylesRead = { formatIds: [], wraps: [], custom: new Map(), fontSize: 11, root: null, children: [] };
  if (xml === undefined) return out;
  const sc = new XmlScanner(xml);
  let root: Element | null = null;
  /** The root's child being walked. */
  let child: Element | null = null;
  // Where the walk stands among the root's children: which one (by its local name), and within it.
  let section = "";
  /** In `fonts`: whether its first `font` was met; in that font, whether its first `sz` was. */
  let fontSeen = false;
  let inFirstFont = false;
  let szSeen = false;
  /** In a cellXfs `xf`: whether its first `alignment` was met. */
  let inXf = false;
  let alignmentSeen = false;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    const depth = sc.path.length;
    if (k === CLOSE) {
      // The path is the element's parent's now.
      if (depth === 0) {
        const r = root!;
        // A self-closing root's CLOSE comes with no tag of its own (the scanner's start and end are still its start tag's).
        r.end = r.selfClosing ? r.tagEnd : sc.end;
        r.contentEnd = r.selfClosing ? r.tagEnd : sc.start;
        break;
      }
      if (depth === 1) {
        section = "";
        const c = child!;
        c.end = c.selfClosing ? c.tagEnd : sc.end;
        c.contentEnd = c.selfClosing ? c.tagEnd : sc.start;
      } else if (depth === 2) inFirstFont = inXf = false;
      continue;
    }
    if (k !== OPEN) continue;
    if (depth === 1) {
      root = { qname: sc.qname, name: sc.name, start: sc.start, tagEnd: sc.end, end: sc.end, selfClosing: sc.selfClosing, contentEnd: sc.end };
      continue;
    }
    if (depth === 2) {
      child = { qname: sc.qname, name: sc.name, start: sc.start, tagEnd: sc.end, end: sc.end, selfClosing: sc.selfClosing, contentEnd: sc.end };
      out.children.push(child);
      section = sc.name;
      if (section === "fonts") fontSeen = false;
      else if (section !== "numFmts" && section !== "cellXfs") {
        sc.skipElement();
        section = "";
        child.end = sc.end;
        child.contentEnd = child.selfClosing ? child.tagEnd : sc.start;
      }
      continue;
    }
    if (depth === 3) {
      if (section === "numFmts") {
        const id = Number(sc.attr("numFmtId"));
        const code = sc.attr("formatCode");
        if (code !== undefined) out.custom.set(id, code);
      } else if (section === "fonts" && !fontSeen && sc.name === "font") {
        fontSeen = true;
        inFirstFont = !sc.selfClosing;
        szSeen = false;
        continue;
      } else if (section === "cellXfs" && sc.name === "xf") {
        out.formatIds.push(Number(sc.attr("numFmtId") ?? 0));
        out.wraps.push(false);
        inXf = !sc.selfClosing;
        alignmentSeen = false;
        continue;
      }
      sc.skipElement();
      continue;
    }
    if (depth === 4) {
      if (inFirstFont && !szSeen && sc.name === "sz") {
        szSeen = true;
        const n = Number(sc.attr("val"));
        if (n >= 1 && n <= 409) out.fontSize = n;
      } else if (inXf && !alignmentSeen && sc.name === "alignment") {
        alignmentSeen = true;
        out.wraps[out.wraps.length - 1] = on(sc.attr("wrapText"));
      }
    }
    sc.skipElement();
  }
  if (root === null) throw new XmlShapeError("no root element");
  // Walked whole by the scanner: known well-formed, its root found (a fill's styles start from it).
  wellFormed(xml, root, out.children);
  out.root = root;
  return out;
}

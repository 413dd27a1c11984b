import { attr, childrenOf, escapeAttr, insertionPoint, isKnownText, rootOf, splice, stepOver, withAttr, type Element, type Splice } from "./xml";
import { DONE, OPEN, XmlScanner } from "./xmlScan";

/** The number formats every reader knows by id (ECMA-376 Part 1, 18.8.30); others get ids from 164. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/** CT_Stylesheet's children in the order the schema fixes. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/**
 * styles.xml, added to and never edited: a written cell that needs another number format gets a new
 * cellXfs entry copied from the style it had, so no other cell sharing that style changes; a mark's
 * colours are a new dxfs entry, or the identical one already there.
 */
export class Styles {
  private readonly root: Element;
  private readonly p: string;
  /** Where each of the part's own cellXfs entries stands in it: sliced only when a write copies one. */
  private readonly xfStart: number[] = [];
  private readonly xfEnd: number[] = [];
  private readonly newXfs: string[] = [];
  private readonly fmts = new Map<string, number>();
  private readonly newFmts: string[] = [];
  private fmtElements = 0;
  private nextFmt = 164;
  private readonly dxfs: string[] = [];
  private readonly newDxfs: string[] = [];
  private readonly memo = new Map<string, number>();
  /** The stylesheet's children, read once: text() places the new entries among them. */
  private readonly kids: Element[];

  constructor(private readonly xml: string) {
    this.root = rootOf(xml);
    this.p = this.root.qname.slice(0, this.root.qname.length - this.root.name.length);
    this.kids = childrenOf(xml, this.root);
    for (const c of this.kids) {
      if (c.name === "cellXfs") this.findXfs(c);
      if (c.name === "numFmts") {
        for (const f of childrenOf(xml, c)) {
          if (f.name === "numFmt") this.fmtElements++;
          const id = Number(attr(xml, f, "numFmtId"));
          const code = attr(xml, f, "formatCode");
          if (Number.isFinite(id) && code !== undefined) {
            if (!this.fmts.has(code)) this.fmts.set(code, id);
            this.nextFmt = Math.max(this.nextFmt, id + 1);
          }
        }
      }
      if (c.name === "dxfs") for (const d of childrenOf(xml, c)) if (d.name === "dxf") this.dxfs.push(xml.slice(d.start, d.end));
    }
  }

  /**
   * The cellXfs entries' places, in one walk of the scanner (no Element, no text made of each): a
   * workbook whose styles grew by copy and paste has tens of thousands of them, of which a fill copies
   * the one or two its written cells have.
   */
  private findXfs(cellXfs: Element): void {
    if (cellXfs.selfClosing) return;
    const xml = this.xml;
    const fast = isKnownText(xml);
    const sc = new XmlScanner(xml, cellXfs.tagEnd, cellXfs.contentEnd, fast);
    for (let k = sc.next(); k !== DONE; k = sc.next()) {
      if (k !== OPEN) continue;
      const xf = sc.name === "xf";
      const start = sc.start;
      stepOver(sc, fast);
      if (xf) {
        this.xfStart.push(start);
        this.xfEnd.push(sc.end);
      }
    }
  }

  /** The cellXfs entry at an index (the part's own, then those added), as its text; undefined past them. */
  private xfAt(i: number): string | undefined {
    const own = this.xfStart.length;
    if (!(Number.isInteger(i) && i >= 0)) return undefined;
    return i < own ? this.xml.slice(this.xfStart[i], this.xfEnd[i]) : this.newXfs[i - own];
  }

  private get xfCount(): number {
    return this.xfStart.length + this.newXfs.length;
  }

  /** A function that takes back every entry added after this call (an edit begun again). */
  mark(): () => void {
    const at = {
      newXfs: this.newXfs.length,
      fmts: this.fmts.size,
      newFmts: this.newFmts.length,
      nextFmt: this.nextFmt,
      memo: this.memo.size,
      dxfs: this.dxfs.length,
      newDxfs: this.newDxfs.length,
    };
    const trim = <K, V>(map: Map<K, V>, size: number) => {
      for (const k of [...map.keys()].slice(size)) map.delete(k);
    };
    return () => {
      this.last = { base: -1, code: "", out: 0 };
      this.newXfs.length = at.newXfs;
      trim(this.fmts, at.fmts);
      this.newFmts.length = at.newFmts;
      this.nextFmt = at.nextFmt;
      trim(this.memo, at.memo);
      this.dxfs.length = at.dxfs;
      this.newDxfs.length = at.newDxfs;
    };
  }

  get changed(): boolean {
    return this.newXfs.length + this.newFmts.length + this.newDxfs.length > 0;
  }

  private numFmtId(code: string): number {
    if (code in BUILT_IN) return BUILT_IN[code];
    const known = this.fmts.get(code);
    if (known !== undefined) return known;
    const id = this.nextFmt++;
    this.fmts.set(code, id);
    this.newFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cellXfs index of style `base` with number format `code`: `base` itself when it has it. */
  withNumberFormat(base: number, code: string): number {
    // A fill asks the same of thousands of cells in a row (every score: its column's style, 0.00).
    if (base === this.last.base && code === this.last.code) return this.last.out;
    const out = this.withNumberFormatOf(base, code);
    this.last = { base, code, out };
    return out;
  }

  private last = { base: -1, code: "", out: 0 };

  private withNumberFormatOf(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const id = this.numFmtId(code);
    const own = this.xfAt(base);
    const src = own ?? this.xfAt(0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const el = rootOf(src);
    let out: number;
    if (Number(attr(src, el, "numFmtId") ?? "0") === id && own !== undefined) out = base;
    else {
      const withId = withAttr(src, el, "numFmtId", String(id)) + src.slice(el.tagEnd);
      const el2 = rootOf(withId);
      const xf = withAttr(withId, el2, "applyNumberFormat", "1") + withId.slice(el2.tagEnd);
      out = this.xfCount;
      this.newXfs.push(xf);
    }
    this.memo.set(key, out);
    return out;
  }

  /** The cellXfs index of style `base` with its text wrapping: `base` itself when it wraps already. */
  withWrap(base: number): number {
    const key = `${base}\u0000wrap`;
    const memo = this.memo.get(key);
    if (memo !== undefined) return memo;
    const own = this.xfAt(base);
    const src = own ?? this.xfAt(0) ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const el = rootOf(src);
    const kids = el.selfClosing ? [] : childrenOf(src, el);
    const align = kids.find((k) => k.name === "alignment");
    const on = align && ["1", "true"].includes(attr(src, align, "wrapText") ?? "");
    let out: number;
    if (on && own !== undefined) out = base;
    else {
      let xf: string;
      if (align) xf = src.slice(0, align.start) + withAttr(src, align, "wrapText", "1") + src.slice(align.tagEnd);
      else if (el.selfClosing) xf = `${src.slice(0, el.tagEnd - 2).trimEnd()}><${this.p}alignment wrapText="1"/></${el.qname}>`;
      else xf = `${src.slice(0, el.tagEnd)}<${this.p}alignment wrapText="1"/>${src.slice(el.tagEnd)}`;
      const el2 = rootOf(xf);
      xf = withAttr(xf, el2, "applyAlignment", "1") + xf.slice(el2.tagEnd);
      out = this.xfCount;
      this.newXfs.push(xf);
    }
    this.memo.set(key, out);
    return out;
  }

  /** The dxfs index of a mark's colours (font, solid fill), reusing an identical entry. */
  dxf(fontArgb: string, fillArgb: string): number {
    // Asked once a mark (a form's every row, on some): its entry found once a pair of colours.
    const key = `${fontArgb}\u0000${fillArgb}\u0000dxf`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const at = this.dxfOf(fontArgb, fillArgb);
    this.memo.set(key, at);
    return at;
  }

  private dxfOf(fontArgb: string, fillArgb: string): number {
    const p = this.p;
    const xml = `<${p}dxf><${p}font><${p}color rgb="${fontArgb}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${fillArgb}"/></${p}patternFill></${p}fill></${p}dxf>`;
    const at = this.dxfs.indexOf(xml);
    if (at >= 0) return at;
    this.dxfs.push(xml);
    this.newDxfs.push(xml);
    return this.dxfs.length - 1;
  }

  /** styles.xml with the new entries appended and the counts set. */
  text(): string {
    const xml = this.xml;
    const edits: Splice[] = [];
    const kids = this.kids;
    const append = (name: (typeof STYLESHEET_ORDER)[number], items: string[], total: number) => {
      if (items.length === 0) return;
      const el = kids.find((c) => c.name === name);
      if (el) {
        const tag = withAttr(xml, el, "count", String(total));
        if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `${tag.replace(/\s*\/>$/, ">")}${items.join("")}</${el.qname}>` });
        else {
          edits.push({ start: el.start, end: el.tagEnd, text: tag });
          edits.push({ start: el.contentEnd, end: el.contentEnd, text: items.join("") });
        }
      } else {
        const at = insertionPoint(xml, this.root, STYLESHEET_ORDER, name);
        edits.push({ start: at, end: at, text: `<${this.p}${name} count="${total}">${items.join("")}</${this.p}${name}>` });
      }
    };
    append("numFmts", this.newFmts, this.fmtElements + this.newFmts.length);
    append("cellXfs", this.newXfs, this.xfCount);
    append("dxfs", this.newDxfs, this.dxfs.length);
    return splice(xml, edits);
  }
}

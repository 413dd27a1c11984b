/**
 * Just enough XML to edit a part in place: elements found by their spans in the original text, so
 * that everything not edited stays byte for byte as the writer left it. The spans come from the one
 * XML scanner the reader uses too (xmlScan.ts): comments, CDATA and processing instructions are
 * stepped over alike, end tags are checked against their start tags, a DOCTYPE is refused.
 */

import { attrBetween, attrValueSpan, DONE, OPEN, XmlScanner, XmlShapeError } from "./xmlScan";

export { XmlShapeError };

export interface Element {
  /** The name as written, prefix included (`x:c`). */
  qname: string;
  /** The local name (`c`). */
  name: string;
  start: number;
  /** Just past the start tag's `>`. */
  tagEnd: number;
  /** Just past the element (its end tag, or the start tag when self-closing). */
  end: number;
  selfClosing: boolean;
  /** Where the element's content ends (the `<` of its end tag); tagEnd when self-closing. */
  contentEnd: number;
}

/**
 * Texts known well-formed through their root's end: walked whole by the scanner (rootOf, or the
 * package reader for a sheet it read), or made by splice from such a text (the edits are this module's
 * callers' own well-formed fragments). In them an element's end is found without tokenising its
 * content (`fastEnd`), and each keeps its root and the root's children once asked for: a fill asks for
 * them of one sheet several times over (where its data is, its protection, its drawing, where an
 * element goes). A few are kept: a fill goes between a sheet, its notes' parts and the workbook.
 */
interface Known {
  xml: string;
  root: Element | null;
  children: Element[] | null;
}
const known: Known[] = [];
const KEPT = 6;

const knownEntry = (xml: string) => known.find((e) => e.xml === xml);

/**
 * A text a caller walked whole with the scanner: known well-formed (kept until forgetTexts); with its
 * root, and the root's children, when the caller noted them as it walked (the package reader for a fill).
 */
export function wellFormed(xml: string, root: Element | null = null, children: Element[] | null = null): void {
  const k = knownEntry(xml);
  if (k) {
    if (k.root === null && root !== null) {
      k.root = root;
      k.children = children;
    }
    return;
  }
  known.push({ xml, root, children: root === null ? null : children });
  if (known.length > KEPT) known.shift();
}

/** Lets go of every text this module keeps (once a workbook is read, or its copy made): a worker checking many holds none of them. */
export function forgetTexts(): void {
  known.length = 0;
}

/** How many texts are kept (for the tests). */
export const keptTexts = (): number => known.length;

/**
 * Just past the end tag of the element whose start tag ends at `tagEnd`, in a well-formed text: the
 * first `</qname>` after it, when nothing between could hide or own an end tag (a comment, CDATA, a
 * processing instruction, an element of the same name); -1 to leave it to the scanner. In well-formed
 * XML no `<` stands in text or attribute values, so the first such end tag is the element's own. Each
 * search stays within the element's content.
 */
function fastEnd(xml: string, qname: string, tagEnd: number, limit: number): number {
  const close = `</${qname}>`;
  const at = xml.indexOf(close, tagEnd);
  if (at < 0 || at + close.length > limit) return -1;
  // Content up to a few KB (a cell, a row) looked at tag by tag, from one < to the next (the end tag's
  // < bounds the search): no slice, no search through the rest of the text.
  if (at - tagEnd <= SHORT) {
    for (let k = xml.indexOf("<", tagEnd); k >= 0 && k < at; k = xml.indexOf("<", k + 1)) {
      const c = xml.charCodeAt(k + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) return -1;
      if (xml.startsWith(qname, k + 1)) {
        const e = xml.charCodeAt(k + 1 + qname.length);
        if (e === 32 || e === 62 || e === 47 || e === 9 || e === 10 || e === 13) return -1;
      }
    }
    return at + close.length;
  }
  const inner = xml.slice(tagEnd, at);
  if (inner.includes("<!") || inner.includes("<?")) return -1;
  const open = `<${qname}`;
  for (let n = inner.indexOf(open); n >= 0; n = inner.indexOf(open, n + open.length)) {
    const c = inner.charCodeAt(n + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return -1;
  }
  return at + close.length;
}

const SHORT = 4096;

/** The element the scanner has just opened, its content stepped over: the cursor ends on its end tag. */
function spanOf(sc: XmlScanner, fast = false): Element {
  const { qname, name, start, end: tagEnd, selfClosing } = sc;
  stepOver(sc, fast);
  return { qname, name, start, tagEnd, end: sc.end, selfClosing, contentEnd: selfClosing ? tagEnd : sc.start };
}

/** spanOf without the Element (a walk over thousands of children needs none of them). */
export function stepOver(sc: XmlScanner, fast: boolean): void {
  const to = fast && !sc.selfClosing ? fastEnd(sc.source, sc.qname, sc.end, sc.limit) : -1;
  if (to >= 0) sc.closeAt(to);
  else sc.skipElement();
}

/** Whether the text is known well-formed (wellFormed): its elements' ends may be found by stepOver's fast path. */
export const isKnownText = (xml: string): boolean => knownEntry(xml) !== undefined;

/** The element whose start tag begins at `i`. */
export function elementAt(xml: string, i: number): Element {
  const known = knownEntry(xml) !== undefined;
  const sc = new XmlScanner(xml, i, xml.length, known);
  if (sc.next() !== OPEN || sc.start !== i) throw new XmlShapeError(`no element at ${i}`);
  return spanOf(sc, known);
}

/**
 * Each child element of `parent`, in document order, to `visit` as the scanner stands on its start
 * tag (its name, start and attributes; the visitor does not move the cursor): for a walk over
 * thousands of children (a row's cells) that needs no Element of each.
 */
export function eachChild(xml: string, parent: Element, visit: (sc: XmlScanner) => void): void {
  if (parent.selfClosing) return;
  const fast = knownEntry(xml) !== undefined;
  const sc = new XmlScanner(xml, parent.tagEnd, parent.contentEnd, fast);
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k !== OPEN) continue;
    visit(sc);
    stepOver(sc, fast);
  }
}

/** The child elements of `parent`, in document order (the root's kept, a copy given). */
export function childrenOf(xml: string, parent: Element): Element[] {
  const k = knownEntry(xml);
  if (k && k.root !== null && parent.start === k.root.start && parent.end === k.root.end) {
    k.children ??= childElements(xml, parent, true);
    return k.children.slice();
  }
  return childElements(xml, parent, k !== undefined);
}

function childElements(xml: string, parent: Element, fast: boolean): Element[] {
  const out: Element[] = [];
  if (parent.selfClosing) return out;
  const sc = new XmlScanner(xml, parent.tagEnd, parent.contentEnd, fast);
  for (let k = sc.next(); k !== DONE; k = sc.next()) if (k === OPEN) out.push(spanOf(sc, fast));
  return out;
}

/** The document element (after the XML declaration, comments and processing instructions). */
export function rootOf(xml: string): Element {
  const k = knownEntry(xml);
  if (k?.root) return k.root;
  const sc = new XmlScanner(xml, 0, xml.length, k !== undefined);
  for (let t = sc.next(); t !== DONE; t = sc.next()) {
    if (t !== OPEN) continue;
    // A text already known well-formed is not tokenised again; any other is, whole, and is then known.
    const root = spanOf(sc, k !== undefined);
    // What follows it too: comments, processing instructions and white space only (a second root or text is refused).
    while (sc.next() !== DONE);
    wellFormed(xml, root);
    return root;
  }
  throw new XmlShapeError("no root element");
}

/** The prefix of an element's name with its colon (`x:`), or "" — new elements are written alike. */
export const prefixOf = (el: Element) => el.qname.slice(0, el.qname.length - el.name.length);

/** An attribute of the start tag, decoded; undefined when absent (read in order: a value never stands for another attribute). */
export function attr(xml: string, el: Element, name: string): string | undefined {
  return attrBetween(xml, el.start + 1 + el.qname.length, el.selfClosing ? el.tagEnd - 2 : el.tagEnd - 1, name, el.qname);
}

/**
 * The start tag with one attribute set (added before the tag's end when absent). Its attributes read
 * in order, as attr() reads them: a value holding ` ht="1"` is never taken for the attribute (a
 * regular expression over the tag did, and was made anew for each of a fill's rows).
 */
export function withAttr(xml: string, el: Element, name: string, value: string): string {
  const at = attrValueSpan(xml, el.start + 1 + el.qname.length, el.selfClosing ? el.tagEnd - 2 : el.tagEnd - 1, name, el.qname);
  if (at !== null) return `${xml.slice(el.start, at.start - 1)}"${escapeAttr(value)}"${xml.slice(at.end + 1, el.tagEnd)}`;
  const tag = xml.slice(el.start, el.tagEnd);
  const cut = el.selfClosing ? tag.lastIndexOf("/") : tag.length - 1;
  const before = tag.slice(0, cut).replace(/\s+$/, "");
  return `${before} ${name}="${escapeAttr(value)}"${tag.slice(cut)}`;
}

/** The relationship id a start tag refers to through an `r:id` attribute, whatever its prefix. */
export function relIdOf(xml: string, el: Element): string | undefined {
  return attrBetween(xml, el.start + 1 + el.qname.length, el.selfClosing ? el.tagEnd - 2 : el.tagEnd - 1, (n) => /^[A-Za-z_][\w.-]*:id$/.test(n), el.qname);
}

/** The text content of an element: every text node inside it, references decoded, CDATA as it stands. */
export function textOf(xml: string, el: Element): string {
  if (el.selfClosing) return "";
  const sc = new XmlScanner(xml, el.start, xml.length, knownEntry(xml) !== undefined);
  sc.next();
  return sc.textContent();
}

/**
 * Text for an element's content. Characters XML 1.0 cannot hold are written as Excel writes them,
 * `_xHHHH_`; a literal `_xHHHH_` in the text gets its underscore escaped so it reads back as typed.
 */
export function escapeText(s: string): string {
  // Most texts (a note, a drafted reason, a number) hold none of the characters escaped: given back as they are.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return escapeAll(s);
}

// eslint-disable-next-line no-control-regex -- the characters escapeAll changes, and the underscore of _xHHHH_
const NEEDS_ESCAPE = /[&<>_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** escapeText without its short path (exported for the test that holds the two equal). */
export function escapeAll(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  // A cell reference, a number, a relationship id: nothing to escape, given back as it is.
  if (!NEEDS_ESCAPE.test(s) && !ATTR_ESCAPE.test(s)) return s;
  return escapeAllAttr(s);
}

const ATTR_ESCAPE = /["\n\r\t]/;

/** escapeAttr without its short path (for the test that holds the two equal). */
export function escapeAllAttr(s: string): string {
  return escapeAll(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Edits in the order they apply: by place, and in the order given at one place. */
function inOrder(edits: Splice[]): Splice[] {
  // Mostly made in order already (a fill's edits go down the sheet): then not copied and sorted.
  let sorted = true;
  for (let i = 1; i < edits.length && sorted; i++) {
    const a = edits[i - 1];
    const b = edits[i];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) sorted = false;
  }
  if (sorted) return edits;
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map((x) => x.e);
}

/**
 * The text with each span replaced, as the pieces it is made of, in order (their join is splice's
 * text). A part written whole is encoded from its pieces: a large sheet's edited text is never made
 * as one string.
 */
export function splicePieces(xml: string, edits: Splice[]): string[] {
  return piecesOf(xml, inOrder(edits));
}

function piecesOf(xml: string, sorted: Splice[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new XmlShapeError("overlapping edits");
    pieces.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(xml.slice(at));
  return pieces;
}

/** The text with each span replaced; spans must not overlap (insertions have start === end). */
export function splice(xml: string, edits: Splice[]): string {
  const sorted = inOrder(edits);
  // Joined once, not concatenated piece by piece: a fill's thousands of edits would make a rope that
  // every later search flattens again.
  const out = piecesOf(xml, sorted).join("");
  // The edited text takes the place of the text it was made from: an edit chain keeps one entry, and
  // a sheet edited five times is not pushed out by the notes' parts read in between. Edits inside the
  // root's content move only its end: the new text's root is known without a walk.
  const from = knownEntry(xml);
  if (from && !knownEntry(out)) {
    const root = from.root;
    const inside = root !== null && !root.selfClosing && sorted.every((e) => e.start >= root.tagEnd && e.end <= root.contentEnd);
    const delta = out.length - xml.length;
    from.xml = out;
    from.root = inside ? { ...root, contentEnd: root.contentEnd + delta, end: root.end + delta } : null;
    from.children = null;
  }
  return out;
}

/**
 * Where a new child named `name` goes among `parent`'s children, given the order the schema fixes
 * (`order`): after the last child of the same name or of a name before it; else first.
 */
export function insertionPoint(xml: string, parent: Element, order: readonly string[], name: string): number {
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`${name} is not in the schema order`);
  let at = -1;
  for (const c of childrenOf(xml, parent)) {
    const r = order.indexOf(c.name);
    if (r >= 0 && r <= rank) at = c.end;
    else if (r > rank) break;
  }
  return at >= 0 ? at : parent.tagEnd;
}

/** A self-closing parent made into an open one, so children can be put in: the text and where they go. */
export function opened(xml: string, el: Element): { open: string; close: string } {
  const tag = xml.slice(el.start, el.tagEnd);
  if (!el.selfClosing) return { open: tag, close: "" };
  return { open: tag.replace(/\s*\/>$/, ">"), close: `</${el.qname}>` };
}

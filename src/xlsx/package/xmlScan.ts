/**
 * One pass over an XML part as a conforming, non-validating parser reads it (XML 1.0 §2–3): start
 * tags with their attributes (values in either quote, holding `>`, `/` or the other quote), end tags
 * checked against their start tags, text with the predefined and numeric entities decoded, CDATA as
 * text, comments and processing instructions stepped over. A DOCTYPE is refused: no DTD is read and
 * no entity of one is expanded. test/xlsx/xmlScan.test.ts holds it equal to saxes (the parser
 * ExcelJS uses) over generated documents.
 *
 * A cursor rather than events or objects: the reader walks sheets of a million cells with it.
 */
/** XML that is not well-formed, or a shape the reader and writer do not take (a DOCTYPE). */
export class XmlShapeError extends Error {}

export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export const DONE = 0;
export type Token = typeof OPEN | typeof CLOSE | typeof TEXT | typeof DONE;

/** Whether XML 1.0 allows the code point (§2.2 Char): a reference to any other is not well-formed (WFC Legal Character). */
const isXmlChar = (c: number) => c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text with its entity and character references decoded; an unknown entity is not well-formed. */
function decodeText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([^;&<\s]*);?/g, (whole, e: string) => {
    if (!whole.endsWith(";")) throw new XmlShapeError("an & that starts no reference");
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || !isXmlChar(code) || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(e)) throw new XmlShapeError(`a bad character reference &${e};`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new XmlShapeError(`an undeclared entity &${e};`);
    return v;
  });
}

/**
 * Attribute values are normalised (XML 1.0 §3.3.3): white space characters become spaces, then
 * references are decoded. A line end written CR LF is one (§2.11, before anything reads the text), so
 * one space: a conforming parser reads `"a\r\nb"` as `a b`.
 */
const attrValue = (raw: string) => decodeText(raw.includes("\t") || raw.includes("\n") || raw.includes("\r") ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);

/** Line ends as XML reads them (§2.11): a CR LF pair, and a CR alone, are one LF. A character reference &#13; is not one. */
const lineEnds = (s: string) => (s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s);

/**
 * attrValue of the value between `from` and `to`: most values hold no reference and no white space
 * to normalise, and are then the slice itself (one look at each character, not four searches).
 */
function valueAt(xml: string, from: number, to: number): string {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) return attrValue(xml.slice(from, to));
  }
  return xml.slice(from, to);
}

/** White space, `/` or `>`: where a tag's name ends. */
export const isNameEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** Where a start tag's attributes run into a < (not well formed: refused). */
const LT_IN_VALUE = -2;

/**
 * The `>` that ends a start tag whose attributes begin at `from`, past quoted values (which may hold
 * anything but their quote and <): its index, -1 when none comes before `limit`, LT_IN_VALUE when a
 * quoted value holds a <.
 */
export function startTagEnd(xml: string, from: number, limit: number): number {
  let quote = 0;
  for (let j = from; j < limit; j++) {
    const ch = xml.charCodeAt(j);
    if (quote) {
      if (ch === quote) quote = 0;
      else if (ch === 60) return LT_IN_VALUE;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === 62 /* > */) return j;
  }
  return -1;
}

export class XmlScanner {
  /** The current token's kind. */
  kind: Token = DONE;
  /** For OPEN and CLOSE: the name as written and its local part. */
  qname = "";
  name = "";
  /** For OPEN: whether the tag closes itself (`<x/>`); a CLOSE follows it at once. */
  selfClosing = false;
  /** Where the current token starts and ends (just past it). */
  start = 0;
  end = 0;
  /** Open elements, innermost last (local names). */
  readonly path: string[] = [];
  private qpath: string[] = [];
  private pos: number;
  private pendingClose = false;
  private textFrom = 0;
  private textTo = 0;
  private isCdata = false;
  /** For OPEN: where the start tag's attributes begin (just after its name) and end (before `>` or `/>`). */
  attrStart = 0;
  attrEnd = 0;

  /** Scanning a whole document (from its start to its end), not an element's content: one root, no text beside it, its declaration checked. */
  private readonly whole: boolean;
  private rootClosed = false;
  /** Where the next `&` and `]]>` stand at or after where they were last looked for (Infinity: none), so that finding them in each text costs one search over the document in all. */
  private nextAmp = -1;
  private nextCdataEnd = -1;

  constructor(
    private readonly xml: string,
    from = 0,
    /** Where the scan stops (the end of an element's content, or of the text). */
    readonly limit = xml.length,
    /**
     * The text is known well-formed (walked whole by a scanner before, xml.ts wellFormed): its tags and
     * texts are not checked again, only found (a fill walks again what its check read).
     */
    private readonly known = false,
  ) {
    this.pos = from;
    this.whole = from === 0 && limit === xml.length;
  }

  /** Moves to the next token: an element opened or closed, or text (CDATA included). */
  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.kind = CLOSE;
      this.path.pop();
      this.qpath.pop();
      if (this.path.length === 0) this.rootClosed = true;
      return this.kind;
    }
    for (;;) {
      if (this.pos >= this.limit) {
        if (this.path.length > 0) throw new XmlShapeError(`unclosed element <${this.qpath[this.qpath.length - 1]}>`);
        return (this.kind = DONE);
      }
      const i = this.pos;
      if (xml.charCodeAt(i) !== 60 /* < */) {
        let lt = xml.indexOf("<", i);
        if (lt < 0 || lt > this.limit) lt = this.limit;
        if (!this.known) this.checkText(i, lt);
        this.start = i;
        this.end = this.pos = lt;
        // Sliced only when asked for: most text between elements is white space nobody reads.
        this.textFrom = i;
        this.textTo = lt;
        this.isCdata = false;
        return (this.kind = TEXT);
      }
      const c1 = xml[i + 1];
      if (c1 === "!") {
        if (xml.startsWith("<!--", i)) {
          const close = xml.indexOf("-->", i + 4);
          if (close < 0) throw new XmlShapeError("an unterminated comment");
          // No `--` within it (§2.5), nor a `-` just before its end.
          if (!this.known && xml.indexOf("--", i + 4) !== close) throw new XmlShapeError("-- inside a comment");
          this.pos = close + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", i)) {
          const close = xml.indexOf("]]>", i + 9);
          if (close < 0) throw new XmlShapeError("an unterminated CDATA section");
          if (this.whole && this.path.length === 0) throw new XmlShapeError("text outside the root element");
          this.start = i;
          this.end = this.pos = close + 3;
          this.textFrom = i + 9;
          this.textTo = close;
          this.isCdata = true;
          return (this.kind = TEXT);
        }
        // <!DOCTYPE …>: a DTD is never read (its entities could expand without bound).
        throw new XmlShapeError("a DOCTYPE declaration");
      }
      if (c1 === "?") {
        const close = xml.indexOf("?>", i + 2);
        if (close < 0) throw new XmlShapeError("an unterminated processing instruction");
        // Its target: a name, and `xml` (in any case) only in the declaration that opens a document, written as §2.8 has it.
        let t = i + 2;
        while (t < close && !isSpace(xml.charCodeAt(t))) t++;
        if (!isXmlName(xml, i + 2, t)) throw new XmlShapeError("a processing instruction without a target");
        if (t - i === 5 && xml.slice(i + 2, t).toLowerCase() === "xml" && !(this.whole && i === 0 && XML_DECLARATION.test(xml.slice(0, close + 2)))) {
          throw new XmlShapeError("an XML declaration misplaced or malformed");
        }
        this.pos = close + 2;
        continue;
      }
      if (c1 === "/") {
        const gt = xml.indexOf(">", i + 2);
        if (gt < 0) throw new XmlShapeError("an unterminated end tag");
        const qname = xml.slice(i + 2, gt).trimEnd();
        const open = this.qpath.pop();
        if (open !== qname) throw new XmlShapeError(`</${qname}> closes <${open ?? "nothing"}>`);
        this.path.pop();
        if (this.path.length === 0) this.rootClosed = true;
        this.qname = qname;
        this.name = localName(qname);
        this.start = i;
        this.end = this.pos = gt + 1;
        return (this.kind = CLOSE);
      }
      // A start tag: its name, then attributes whose quoted values may hold anything but their quote and <.
      let j = i + 1;
      while (j < this.limit && !isNameEnd(xml.charCodeAt(j))) j++;
      const qname = xml.slice(i + 1, j);
      if (qname === "") throw new XmlShapeError("a < that opens no tag");
      if (this.rootClosed && this.whole && this.path.length === 0) throw new XmlShapeError(`a second root element <${qname}>`);
      if (!this.known && !isXmlName(xml, i + 1, j)) throw new XmlShapeError(`a tag whose name is not a name: <${qname}`);
      this.attrStart = j;
      j = this.known ? startTagEnd(xml, j, this.limit) : checkedTagEnd(xml, j, this.limit, qname);
      if (j === LT_IN_VALUE) throw new XmlShapeError("a < in an attribute value");
      if (j < 0) throw new XmlShapeError(`an unterminated start tag <${qname}`);
      const selfClosing = xml.charCodeAt(j - 1) === 47 /* / */ && j - 1 >= this.attrStart;
      this.attrEnd = selfClosing ? j - 1 : j;
      this.qname = qname;
      this.name = localName(qname);
      this.selfClosing = selfClosing;
      this.start = i;
      this.end = this.pos = j + 1;
      this.path.push(this.name);
      this.qpath.push(qname);
      if (selfClosing) this.pendingClose = true;
      return (this.kind = OPEN);
    }
  }

  /**
   * Text from i to lt, as XML allows it wherever it stands, read or not: every `&` starting a
   * reference XML declares, no `]]>`, and nothing but white space beside a document's root.
   */
  private checkText(i: number, lt: number): void {
    const xml = this.xml;
    if (this.nextAmp < i) {
      const k = xml.indexOf("&", i);
      this.nextAmp = k < 0 ? Infinity : k;
    }
    if (this.nextAmp < lt) decodeText(xml.slice(i, lt));
    if (this.nextCdataEnd < i) {
      const k = xml.indexOf("]]>", i);
      this.nextCdataEnd = k < 0 ? Infinity : k;
    }
    if (this.nextCdataEnd < lt) throw new XmlShapeError("]]> in text");
    if (this.whole && this.path.length === 0) {
      for (let k = i; k < lt; k++) if (!isSpace(xml.charCodeAt(k))) throw new XmlShapeError("text outside the root element");
    }
  }

  /** The current text token, decoded (CDATA as it stands). */
  text(): string {
    const raw = lineEnds(this.xml.slice(this.textFrom, this.textTo));
    return this.isCdata ? raw : decodeText(raw);
  }

  /** An attribute of the current start tag, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    return attrBetween(this.xml, this.attrStart, this.attrEnd, name, this.qname);
  }

  /**
   * Every attribute of the current start tag, in one pass: `fn(name, value)` for each, the value
   * decoded. Reading three attributes of a cell this way reads its tag once, not three times.
   */
  eachAttr(fn: (name: string, value: string) => void): void {
    eachAttrBetween(this.xml, this.attrStart, this.attrEnd, this.qname, fn);
  }

  /**
   * The named attributes of the current start tag into `out` (by the names' order; undefined where
   * absent), in one pass: no string is made of the others (a row as LibreOffice writes it carries
   * seven attributes, of which the reader uses four), which next() checked when it met the tag.
   */
  attrsInto(names: readonly string[], out: Array<string | undefined>): void {
    out.fill(undefined);
    const xml = this.xml;
    const to = this.attrEnd;
    for (let j = nextAttr(xml, this.attrStart, to, this.qname); j >= 0; j = nextAttr(xml, j, to, this.qname)) {
      const { nameStart, nameEnd, valueStart, valueEnd } = AT;
      let k = 0;
      for (; k < names.length; k++) if (names[k].length === nameEnd - nameStart && xml.startsWith(names[k], nameStart)) break;
      if (k < names.length && out[k] === undefined) out[k] = valueAt(xml, valueStart, valueEnd);
    }
  }

  /** Everything inside the current element as text (its text and CDATA, nested elements' text too); leaves the cursor on its CLOSE. */
  textContent(): string {
    if (this.kind !== OPEN) return "";
    const depth = this.path.length;
    let out = "";
    for (let k = this.next(); k !== DONE; k = this.next()) {
      if (k === TEXT) out += this.text();
      else if (k === CLOSE && this.path.length < depth) return out;
    }
    return out;
  }

  /**
   * The current start tag's element was read by the caller from `end` on, up to `to`, just past its
   * end tag, which the caller found written as `</qname>`: the cursor moves there, on that CLOSE, as if
   * it had stepped over the content itself.
   */
  closeAt(to: number): void {
    if (this.kind !== OPEN || this.selfClosing || to > this.limit || !this.xml.startsWith(`</${this.qname}>`, to - this.qname.length - 3)) {
      throw new Error("closeAt: not the current element's end tag");
    }
    this.path.pop();
    this.qpath.pop();
    this.kind = CLOSE;
    this.start = to - this.qname.length - 3;
    this.end = this.pos = to;
  }

  /** The document being read (for a caller reading ahead of the cursor). */
  get source(): string {
    return this.xml;
  }

  /**
   * Where the next token begins, for a caller that reads an element there itself (the package
   * reader's cells): -1 while a self-closing element's end is still to be returned.
   */
  get at(): number {
    return this.pendingClose ? -1 : this.pos;
  }

  /**
   * Moves past an element a caller read itself, from `start` (where `at` stood) to `end`, as if it had
   * been opened and closed here: the cursor on its CLOSE, the path as before it.
   */
  readOver(qname: string, start: number, end: number): void {
    if (this.pendingClose || start !== this.pos || end > this.limit || end <= start) throw new Error("readOver: not an element where the scanner stands");
    this.kind = CLOSE;
    this.qname = qname;
    this.name = localName(qname);
    this.selfClosing = false;
    this.start = start;
    this.end = this.pos = end;
  }

  /** Steps over the current element's content; leaves the cursor on its CLOSE. */
  skipElement(): void {
    if (this.kind !== OPEN) return;
    const depth = this.path.length;
    for (let k = this.next(); k !== DONE; k = this.next()) if (k === CLOSE && this.path.length < depth) return;
  }
}

/**
 * An attribute between `from` and `to` of a start tag's text (after its name), decoded; undefined when
 * absent. The attributes are read in order, each value to its own closing quote, so a value holding
 * ` r="G31"` or `>` is never taken for another attribute. Only the value found is decoded.
 */
export function attrBetween(xml: string, from: number, to: number, name: string | ((attrName: string) => boolean), tag = "tag"): string | undefined {
  for (let j = nextAttr(xml, from, to, tag); j >= 0; j = nextAttr(xml, j, to, tag)) {
    // Taken before a caller's test of the name runs (it could read attributes of its own).
    const { valueStart, valueEnd } = AT;
    const hit = typeof name === "string" ? AT.nameEnd - AT.nameStart === name.length && xml.startsWith(name, AT.nameStart) : name(xml.slice(AT.nameStart, AT.nameEnd));
    if (hit) return valueAt(xml, valueStart, valueEnd);
  }
  return undefined;
}

/**
 * Where the named attribute's value stands between `from` and `to` (within its quotes, as read by
 * attrBetween: in order, each value to its own closing quote); null when absent.
 */
export function attrValueSpan(xml: string, from: number, to: number, name: string, tag = "tag"): { start: number; end: number } | null {
  for (let j = nextAttr(xml, from, to, tag); j >= 0; j = nextAttr(xml, j, to, tag)) {
    if (AT.nameEnd - AT.nameStart === name.length && xml.startsWith(name, AT.nameStart)) return { start: AT.valueStart, end: AT.valueEnd };
  }
  return null;
}

/** Each attribute between `from` and `to`, in order, to `fn` (its value decoded). */
function eachAttrBetween(xml: string, from: number, to: number, tag: string, fn: (name: string, value: string) => void): void {
  for (let j = nextAttr(xml, from, to, tag); j >= 0; j = nextAttr(xml, j, to, tag)) {
    const name = xml.slice(AT.nameStart, AT.nameEnd);
    fn(name, valueAt(xml, AT.valueStart, AT.valueEnd));
  }
}

/** Where the attribute nextAttr last read stands: its name, and its value within the quotes. */
const AT = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * Reads the attribute at or after `j` (white space first) into AT, without making a string; gives
 * where the next one may start, or -1 when none is left before `to`.
 */
function nextAttr(xml: string, j: number, to: number, tag: string): number {
  while (j < to && isSpace(xml.charCodeAt(j))) j++;
  if (j >= to) return -1;
  const nameStart = j;
  while (j < to && xml.charCodeAt(j) !== 61 /* = */ && !isSpace(xml.charCodeAt(j))) j++;
  const nameEnd = j;
  while (j < to && isSpace(xml.charCodeAt(j))) j++;
  if (xml.charCodeAt(j) !== 61) throw new XmlShapeError(`an attribute without a value in <${tag}>`);
  j++;
  while (j < to && isSpace(xml.charCodeAt(j))) j++;
  const q = xml[j];
  if (q !== '"' && q !== "'") throw new XmlShapeError(`an unquoted attribute value in <${tag}>`);
  const close = xml.indexOf(q, j + 1);
  if (close < 0 || close > to) throw new XmlShapeError(`an unterminated attribute value in <${tag}>`);
  AT.nameStart = nameStart;
  AT.nameEnd = nameEnd;
  AT.valueStart = j + 1;
  AT.valueEnd = close;
  return close + 1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The XML declaration as §2.8 writes it (XMLDecl): a version, then an encoding and standalone if any, in that order. */
const XML_DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>$/;

/** The names checkedTagEnd has met in one start tag: their starts, lengths and hashes (a tag with more is checked by a set). */
const NAMES_KEPT = 16;
const seenStart = new Int32Array(NAMES_KEPT);
const seenLength = new Int32Array(NAMES_KEPT);
const seenHash = new Int32Array(NAMES_KEPT);

/**
 * The `>` that ends a start tag whose attributes begin at `from` (-1 when none comes before `limit`),
 * its attributes checked on the way, in one pass: each `name = "value"` (either quote, no < in it, any
 * reference in it one XML declares), each after white space, its name a name, and no name written
 * twice (XML 1.0 §3.1, well-formedness constraint Unique Att Spec). A conforming parser refuses a part
 * that breaks one, so Excel and LibreOffice read such a file otherwise than as the first (or last)
 * value written; checked for every start tag as it is met, not only for the attributes a caller reads.
 */
function checkedTagEnd(xml: string, from: number, limit: number, tag: string): number {
  let n = 0;
  let more: Set<string> | null = null;
  let j = from;
  for (;;) {
    const spaced = j;
    let c = xml.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
    if (j >= limit) return -1;
    if (c === 62 /* > */) return j;
    if (c === 47 /* / */) {
      if (j + 1 >= limit) return -1;
      if (xml.charCodeAt(j + 1) === 62) return j + 1;
      throw new XmlShapeError(`a / not followed by > in <${tag}>`);
    }
    if (j === spaced) throw new XmlShapeError(`attributes without white space between them in <${tag}>`);
    // The name: ASCII looked up as it is read (anything past ASCII checked by isXmlName after), and hashed.
    const nameStart = j;
    let beyondAscii = c >= 128;
    if (!beyondAscii && ASCII_NAME[c] !== 1) throw new XmlShapeError(`an attribute whose name is not a name in <${tag}>`);
    let hash = c;
    for (c = xml.charCodeAt(++j); j < limit && c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13; c = xml.charCodeAt(++j)) {
      if (c >= 128) beyondAscii = true;
      else if (ASCII_NAME[c] === 0) throw new XmlShapeError(`an attribute whose name is not a name in <${tag}>`);
      hash = (hash * 31 + c) | 0;
    }
    const nameEnd = j;
    if (beyondAscii && !isXmlName(xml, nameStart, nameEnd)) throw new XmlShapeError(`an attribute whose name is not a name in <${tag}>`);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
    if (c !== 61 || j >= limit) throw new XmlShapeError(`an attribute without a value in <${tag}>`);
    c = xml.charCodeAt(++j);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
    if (c !== 34 && c !== 39) throw new XmlShapeError(`an unquoted attribute value in <${tag}>`);
    const quote = c;
    const valueStart = j + 1;
    let reference = false;
    for (c = xml.charCodeAt(++j); c !== quote; c = xml.charCodeAt(++j)) {
      if (j >= limit) return -1;
      if (c === 60 /* < */) throw new XmlShapeError("a < in an attribute value");
      if (c === 38 /* & */) reference = true;
    }
    // Decoded, and thrown away: only a reference can make a value not well-formed (a < is refused above).
    if (reference) attrValue(xml.slice(valueStart, j));
    const length = nameEnd - nameStart;
    for (let k = 0; k < n; k++) {
      if (seenHash[k] === hash && seenLength[k] === length && sameText(xml, seenStart[k], nameStart, length)) throw twice(xml, nameStart, nameEnd, tag);
    }
    if (n < NAMES_KEPT) {
      seenStart[n] = nameStart;
      seenLength[n] = length;
      seenHash[n++] = hash;
    } else {
      const name = xml.slice(nameStart, nameEnd);
      more ??= new Set();
      if (more.has(name)) throw twice(xml, nameStart, nameEnd, tag);
      more.add(name);
    }
    j++;
  }
}

const twice = (xml: string, from: number, to: number, tag: string) => new XmlShapeError(`the attribute ${xml.slice(from, to)} written twice in <${tag}>`);

/** Whether the `length` characters at `a` and at `b` are the same. */
export function sameText(xml: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (xml.charCodeAt(a + k) !== xml.charCodeAt(b + k)) return false;
  return true;
}

/** ASCII characters as XML names take them: 1 a name may start with, 2 only continue. */
export const ASCII_NAME = (() => {
  const t = new Uint8Array(128);
  for (let c = 65; c <= 90; c++) t[c] = t[c + 32] = 1;
  t[58 /* : */] = t[95 /* _ */] = 1;
  for (let c = 48; c <= 57; c++) t[c] = 2;
  t[45 /* - */] = t[46 /* . */] = 2;
  return t;
})();

/** Whether a code point past ASCII may start a name (XML 1.0 §2.3 NameStartChar). */
const isNameStartBeyondAscii = (c: number) =>
  (c >= 0xc0 && c <= 0xd6) ||
  (c >= 0xd8 && c <= 0xf6) ||
  (c >= 0xf8 && c <= 0x2ff) ||
  (c >= 0x370 && c <= 0x37d) ||
  (c >= 0x37f && c <= 0x1fff) ||
  c === 0x200c ||
  c === 0x200d ||
  (c >= 0x2070 && c <= 0x218f) ||
  (c >= 0x2c00 && c <= 0x2fef) ||
  (c >= 0x3001 && c <= 0xd7ff) ||
  (c >= 0xf900 && c <= 0xfdcf) ||
  (c >= 0xfdf0 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0xeffff);

/** Whether the characters from..to are an XML name (§2.3 Name): a NameStartChar, then NameChars. */
function isXmlName(xml: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    let c = xml.charCodeAt(i);
    if (c < 128) {
      const kind = ASCII_NAME[c];
      if (kind === 1 || (kind === 2 && i > from)) continue;
      return false;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = xml.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff) || i + 1 >= to) return false;
      c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
      i++;
    }
    if (isNameStartBeyondAscii(c)) continue;
    if (i > from && (c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040)) continue;
    return false;
  }
  return true;
}

const localName = (q: string) => {
  const c = q.indexOf(":");
  return c < 0 ? q : q.slice(c + 1);
};

/**
 * Excel's escape for characters XML cannot hold, `_xHHHH_` (ECMA-376 Part 1 §22.9.2.19 ST_Xstring):
 * its hex digits in either case, as LibreOffice reads them (Excel writes upper case; ExcelJS reads only that).
 */
export function decodeXstring(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

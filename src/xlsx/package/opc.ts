import { attr, childrenOf, escapeAttr, rootOf, splice, XmlShapeError } from "./xml";
import { DONE, OPEN, XmlScanner } from "./xmlScan";
import { decodeUtf8, encodeUtf8Pieces } from "./codec";
import { writeZip, ZipArchive, type InflateGuard, type ZipOut } from "./zip";
import { WorkbookReadError } from "../sniff";

/**
 * The package (ECMA-376 Part 2, Open Packaging Conventions) as the reader and a fill need it: parts
 * read (each inflated once, then held as text) and written by name, relationships, content types. A
 * part never written here keeps its bytes: the copy holds its compressed data as the original did.
 */
export class Package {
  private readonly texts = new Map<string, string>();
  /** Parts written as pieces (writePieces), joined only if read again. */
  private readonly pieces = new Map<string, string[]>();
  private readonly changed = new Set<string>();
  /** Every part name in lower case, made when freeName first asks and kept as parts are written. */
  private lowerNames: Set<string> | null = null;

  private constructor(readonly archive: ZipArchive) {}

  /** With a guard, the parts read may inflate no more than it allows (what a check reads of a file, held to its memory). */
  static async open(bytes: Uint8Array, guard?: InflateGuard): Promise<Package> {
    return new Package(new ZipArchive(bytes, guard));
  }

  private entry(part: string) {
    const e = this.archive.get(part);
    return e && !e.dir ? e : undefined;
  }

  has(part: string): boolean {
    return this.texts.has(part) || this.pieces.has(part) || this.entry(part) !== undefined;
  }

  /** The part's text, or undefined when absent (a part name has no leading slash here). */
  async read(part: string): Promise<string | undefined> {
    return this.readNow(part);
  }

  /** read(), for callers that need no promise (the reader's inner loop). */
  readNow(part: string): string | undefined {
    const held = this.texts.get(part);
    if (held !== undefined) return held;
    const pieces = this.pieces.get(part);
    if (pieces !== undefined) {
      const s = pieces.join("");
      this.pieces.delete(part);
      this.texts.set(part, s);
      return s;
    }
    const e = this.entry(part);
    if (!e) return undefined;
    const s = partText(part, this.archive.read(e));
    this.texts.set(part, s);
    return s;
  }

  /** A part is written as UTF-8, whatever it was read from: its declaration says so. */
  write(part: string, text: string): void {
    this.pieces.delete(part);
    this.texts.set(part, asUtf8(text));
    this.changed.add(part);
    this.lowerNames?.add(part.toLowerCase());
  }

  /**
   * write() of the pieces' join (splicePieces), which is never made unless the part is read again:
   * the copy's bytes are encoded from the pieces.
   */
  writePieces(part: string, pieces: readonly string[]): void {
    const first = pieces.findIndex((p) => p !== "");
    // The XML declaration must lie whole in the first piece to be read there; else the text is joined.
    if (first < 0 || (pieces[first].startsWith("<?xml") && !pieces[first].includes("?>"))) {
      this.write(part, pieces.join(""));
      return;
    }
    const own = pieces.slice(first);
    own[0] = asUtf8(own[0]);
    this.texts.delete(part);
    this.pieces.set(part, own);
    this.changed.add(part);
    this.lowerNames?.add(part.toLowerCase());
  }

  /** Every part name, as the package lists them. */
  names(): string[] {
    const out = this.archive.entries.filter((e) => !e.dir).map((e) => e.name);
    // Looked up in a set: a fill of a workbook of 200 sheets adds some 800 parts, each asked for here.
    const listed = new Set(out);
    for (const p of this.changed) if (!listed.has(p)) out.push(p);
    return out;
  }

  get changedParts(): string[] {
    return [...this.changed];
  }

  async bytes(): Promise<Uint8Array> {
    const enc = new TextEncoder();
    const first = this.archive.entries[0];
    const stamp = { time: first?.time ?? 0, date: first?.date ?? 0x21 };
    const data = (name: string): Uint8Array => {
      const pieces = this.pieces.get(name);
      return pieces ? encodeUtf8Pieces(wholePairs(pieces)) : enc.encode(this.texts.get(name)!);
    };
    const items: ZipOut[] = this.archive.entries.map((e) => (this.changed.has(e.name) ? { name: e.name, data: data(e.name), time: e.time, date: e.date } : { copy: e, from: this.archive }));
    for (const p of this.changed) if (!this.archive.get(p)) items.push({ name: p, data: data(p), ...stamp });
    return writeZip(items);
  }

  /** A part name not yet used, `xl/comments3.xml` from `xl/comments`, `.xml`. */
  freeName(stem: string, ext: string): string {
    // A fill of 200 sheets asks 400 times: the lower-case names are not made again for each.
    const lower = (this.lowerNames ??= new Set(this.names().map((n) => n.toLowerCase())));
    for (let i = 1; ; i++) if (!lower.has(`${stem}${i}${ext}`.toLowerCase())) return `${stem}${i}${ext}`;
  }
}

/** A part's XML declaration saying UTF-16 says UTF-8: the part is written as UTF-8, whatever it was read from. */
export const asUtf8 = (text: string): string => {
  // Only the declaration, up to the first ">", is looked at (the expression cannot match past it): run
  // over a part of megabytes, it took milliseconds.
  if (text.slice(0, 5).toLowerCase() !== "<?xml") return text;
  const gt = text.indexOf(">");
  const decl = gt < 0 ? text : text.slice(0, gt + 1);
  const utf8 = decl.replace(UTF16_DECLARED, "$1$2UTF-8$2");
  return utf8 === decl ? text : utf8 + text.slice(decl.length);
};

/** An XML declaration naming UTF-16 as its encoding. */
export const UTF16_DECLARED = /^(<\?xml[^>]*?encoding\s*=\s*)(["'])UTF-16(?:LE|BE)?\2/i;

/** The pieces, none ending within a surrogate pair (such a piece taken with the next): each is encoded alone. */
function wholePairs(pieces: readonly string[]): readonly string[] {
  const split = (p: string) => {
    const c = p.charCodeAt(p.length - 1);
    return c >= 0xd800 && c <= 0xdbff;
  };
  if (!pieces.some(split)) return pieces;
  const out: string[] = [];
  let carry = "";
  for (const p of pieces) {
    const s = carry + p;
    if (split(s)) carry = s;
    else {
      out.push(s);
      carry = "";
    }
  }
  if (carry !== "") out.push(carry);
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name (resolved, no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
  /** An internal target that climbs above the package's root (`../../x.xml`): no part of this package. */
  outside?: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
} as const;

/** Strict Open XML (ISO/IEC 29500 Strict) names the same relationships under another root. */
const STRICT_ROOT = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
export const sameType = (a: string, b: string) => a === b || a.replace(STRICT_ROOT, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/") === b;

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target resolved against the folder of its source part. */
function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0];
  if (clean.startsWith("/")) return normalise(clean.slice(1));
  const dir = source.slice(0, source.lastIndexOf("/") + 1);
  return normalise(dir + clean);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of decodeURIComponentSafe(p).split("/")) {
    // Above the root: a name no part can have, so it is never found (and never read in its place).
    if (seg === "..") {
      if (out.pop() === undefined) return `../${p}`;
    } else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** Whether a resolved target climbs above the package's root. */
const isOutside = (target: string) => target.startsWith("../");

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The target as written in a relationship from `source` to `part` (relative, as Excel writes it). */
function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** The relationships of a part (source "" is the package itself). */
export async function relationshipsOf(pkg: Package, source: string): Promise<Relationship[]> {
  const relsPart = source === "" ? "_rels/.rels" : relsPartOf(source);
  const xml = await pkg.read(relsPart);
  if (xml === undefined) return [];
  const root = rootOf(xml);
  return childrenOf(xml, root)
    .filter((c) => c.name === "Relationship")
    .map((c) => {
      const external = attr(xml, c, "TargetMode") === "External";
      const raw = attr(xml, c, "Target") ?? "";
      const target = external ? raw : resolveTarget(source === "" ? "" : source, raw);
      return {
        id: attr(xml, c, "Id") ?? "",
        type: attr(xml, c, "Type") ?? "",
        target,
        external,
        ...(!external && isOutside(target) ? { outside: true } : {}),
      };
    });
}

/** Add a relationship from `source` to `part`; returns its id. The rels part is made if absent. */
export async function addRelationship(pkg: Package, source: string, type: string, part: string): Promise<string> {
  const relsPart = relsPartOf(source);
  const xml =
    (await pkg.read(relsPart)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const root = rootOf(xml);
  const ids = new Set(childrenOf(xml, root).map((c) => attr(xml, c, "Id")));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(source, part))}"/>`;
  if (root.selfClosing) {
    const open = xml.slice(root.start, root.tagEnd).replace(/\s*\/>$/, ">");
    pkg.write(relsPart, splice(xml, [{ start: root.start, end: root.end, text: `${open}${rel}</${root.qname}>` }]));
  } else {
    pkg.write(relsPart, splice(xml, [{ start: root.contentEnd, end: root.contentEnd, text: rel }]));
  }
  return id;
}

/** Declare a new part's content type (an Override), unless its extension's Default already does. */
export async function addContentType(pkg: Package, part: string, type: string): Promise<void> {
  await addContentTypes(pkg, [{ part, type }]);
}

/**
 * addContentType for several parts, in order, with one read and one edit of [Content_Types].xml (a
 * fill's notes declare two parts): each entry is found, or made, as if those before it were made.
 */
export async function addContentTypes(pkg: Package, parts: ReadonlyArray<{ part: string; type: string }>): Promise<void> {
  const xml = (await pkg.read(CONTENT_TYPES))!;
  let read = typesRead.get(pkg);
  if (read === undefined || read.xml !== xml) {
    const root = rootOf(xml);
    const entries = childrenOf(xml, root).map((c) => ({
      name: c.name,
      partName: (attr(xml, c, "PartName") ?? "").toLowerCase(),
      ext: (attr(xml, c, "Extension") ?? "").toLowerCase(),
      type: attr(xml, c, "ContentType"),
    }));
    read = { xml, entries, contentEnd: root.contentEnd };
  }
  const { entries, contentEnd } = read;
  let added = "";
  for (const { part, type } of parts) {
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const declared = entries.some((e) => (e.name === "Override" && e.partName === `/${part}`.toLowerCase()) || (e.name === "Default" && e.ext === ext && e.type === type));
    if (declared) continue;
    const asDefault = ext === "vml" && !entries.some((e) => e.name === "Default" && e.ext === "vml");
    // The schema makes Default and Override a choice in any order: the new entry goes last.
    if (asDefault) {
      added += `<Default Extension="vml" ContentType="${escapeAttr(type)}"/>`;
      entries.push({ name: "Default", partName: "", ext: "vml", type });
    } else {
      added += `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`;
      entries.push({ name: "Override", partName: `/${part}`.toLowerCase(), ext: "", type });
    }
  }
  if (added === "") return;
  const next = splice(xml, [{ start: contentEnd, end: contentEnd, text: added }]);
  pkg.write(CONTENT_TYPES, next);
  // The text as written, its entries with the new ones, and where its root's content now ends: the
  // next sheet's notes declare theirs without reading the part again (as written, unless its
  // declaration was made UTF-8 on the way, when it is read again).
  const stored = await pkg.read(CONTENT_TYPES);
  if (stored === next) typesRead.set(pkg, { xml: stored, entries, contentEnd: contentEnd + added.length });
  else typesRead.delete(pkg);
}

const CONTENT_TYPES = "[Content_Types].xml";

/**
 * The content type [Content_Types].xml gives a part (its Override, else its extension's Default: OPC
 * §10.1.2.4, names compared in any case); undefined when it gives none, null when the package has no
 * content types. Throws XmlShapeError when the part is not well-formed, or its root is not Types. One
 * walk of the scanner (a check asks this of every workbook: the span API's tree cost it 17 µs of 23).
 */
export async function declaredType(pkg: Package, part: string): Promise<string | undefined | null> {
  const xml = await pkg.read(CONTENT_TYPES);
  if (xml === undefined) return null;
  const name = `/${part}`.toLowerCase();
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const sc = new XmlScanner(xml);
  const got: Array<string | undefined> = [undefined, undefined];
  let override: string | undefined;
  let byDefault: string | undefined;
  for (let k = sc.next(); k !== DONE; k = sc.next()) {
    if (k !== OPEN) continue;
    const depth = sc.path.length;
    if (depth === 1 && sc.name !== "Types") throw new XmlShapeError(`<${sc.qname}> is not <Types>`);
    if (depth !== 2) continue;
    if (sc.name === "Override" && override === undefined) {
      sc.attrsInto(OVERRIDE, got);
      if (got[0] !== undefined && got[0].toLowerCase() === name) override = got[1] ?? "";
    } else if (sc.name === "Default" && byDefault === undefined) {
      sc.attrsInto(DEFAULT, got);
      if (got[0] !== undefined && got[0].toLowerCase() === ext) byDefault = got[1] ?? "";
    }
  }
  return override ?? byDefault;
}

const OVERRIDE = ["PartName", "ContentType"];
const DEFAULT = ["Extension", "ContentType"];

/**
 * Each package's content types as last written by addContentTypes: a fill declares each sheet's notes
 * parts in turn, and read the whole part and its every entry for each (a workbook of 200 sheets: some
 * 600 entries read 200 times).
 */
const typesRead = new WeakMap<Package, { xml: string; entries: Array<{ name: string; partName: string; ext: string; type: string | undefined }>; contentEnd: number }>();

/**
 * Characters XML 1.0 does not allow (§2.2 Char): the control characters but tab, line feed and
 * carriage return, and U+FFFE, U+FFFF. (A decoded part holds no lone surrogate: bytes that are not
 * UTF-8 or UTF-16 are refused first.) Excel writes such a character escaped, `_x000B_`.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NOT_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/**
 * A part's text, refused (as damaged, with where) when its bytes are not the text they declare or it
 * holds a character XML does not allow: a conforming parser stops there, LibreOffice reads the part
 * only up to it (a form's shared strings from there on lost) and Excel reports a problem with the
 * file's content. A writer that does not escape what a person pasted leaves such a character.
 */
function partText(part: string, bytes: Uint8Array): string {
  let s: string;
  try {
    s = decodePart(bytes);
  } catch {
    throw new WorkbookReadError(
      `工作簿已损坏：其部件 ${part} 的字节不是有效的 UTF-8（或 UTF-16）文本，Excel 打开时会报告内容有问题，无法读取。请用生成该文件的程序重新导出后再试。`,
      `The workbook is damaged: the bytes of its part ${part} are not valid UTF-8 (or UTF-16) text; Excel reports a problem with its content. Export it again from the program that made it.`,
    );
  }
  const at = s.search(NOT_XML_CHAR);
  if (at >= 0) {
    const code = `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0")}`;
    // The words just before it, as a person sees them (tags left out), to find it by.
    const seen = s
      .slice(Math.max(0, at - 400), at)
      .replace(/<[^>]*>?/g, " ")
      .replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!)
      .replace(/\s+/g, " ")
      .trim()
      .slice(-16);
    throw new WorkbookReadError(
      `工作簿已损坏：其部件 ${part} 含有 XML 不允许的控制字符 ${code}${seen ? `（在“${seen}”之后）` : ""}，Excel 打开时会报告内容有问题并修复（可能丢失文字），无法读取。请在生成该文件的程序中删去这个字符（多是从别处复制来的不可见字符）后重新保存。`,
      `The workbook is damaged: its part ${part} holds a control character XML does not allow, ${code}${seen ? ` (after "${seen}")` : ""}; Excel reports a problem with its content and repairs it, possibly losing text. Remove the character in the program that made the file (most often an invisible one pasted from elsewhere) and save it again.`,
    );
  }
  return s;
}

/**
 * A part's bytes as text (XML 1.0 Appendix F): UTF-16 by its byte-order mark (either order), or by
 * its first characters when the mark is missing; else UTF-8, with its mark dropped. Bytes that are
 * not the text they are read as throw (nothing is replaced by U+FFFD).
 */
const FATAL = { fatal: true };

function decodePart(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le", FATAL).decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be", FATAL).decode(bytes.subarray(2));
  if (a === 0x3c && b === 0x00) return new TextDecoder("utf-16le", FATAL).decode(bytes);
  if (a === 0x00 && b === 0x3c) return new TextDecoder("utf-16be", FATAL).decode(bytes);
  if (a === 0xef && b === 0xbb && c === 0xbf) return decodeUtf8(bytes.subarray(3));
  return decodeUtf8(bytes);
}

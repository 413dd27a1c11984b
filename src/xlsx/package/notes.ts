import { parseA1, toA1 } from "../../core/address";
import { NOTE_PREFIX } from "../../core/plan";
import { addContentTypes, addRelationship, relationshipsOf, REL, sameType, type Package } from "./opc";
import { legacyDrawingEditOf, legacyDrawingId } from "./sheetXml";
import { attr, childrenOf, escapeAttr, escapeText, opened, prefixOf, rootOf, splice, splicePieces, textOf, XmlShapeError, type Splice } from "./xml";

const NOTE_AUTHOR = "绩效自评助手";
const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";

interface NoteWrite {
  cell: string;
  text: string;
  /** The note's author: the add-in's name unless given (a person's note an .xls copy keeps). */
  author?: string;
}

interface NotesWritten {
  /** The sheet's edits, against the text given (a legacyDrawing element when its drawing is new): made by the caller with its own. */
  sheetEdits: Splice[];
  written: string[];
  /** Set when the sheet's existing drawing could not be read, so no note was written. */
  unwritable?: boolean;
  /** The add-in's earlier notes taken away. */
  removed: number;
}

const isOwn = (text: string) => text.startsWith(NOTE_PREFIX.zh);

/**
 * The notes (legacy comments) of one sheet: the add-in's earlier notes removed, a new one on each
 * marked cell that has none. A note is a `<comment>` in the sheet's comments part and a hidden shape
 * in its VML drawing; both parts are made when the sheet has none.
 */
export async function writeNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: NoteWrite[]): Promise<NotesWritten> {
  const rels = await relationshipsOf(pkg, sheetPart);
  const commentsRel = rels.find((r) => sameType(r.type, REL.comments) && !r.external);
  const drawingId = legacyDrawingId(sheetXml);
  const vmlRel = rels.find((r) => r.id === drawingId && sameType(r.type, REL.vmlDrawing) && !r.external);
  // Where a drawing of the notes will be referred to, found before the notes' parts are read
  // (sheetXml.ts, legacyDrawingEditOf); only for a sheet that has none yet.
  const legacyDrawingEdit = vmlRel ? null : legacyDrawingEditOf(sheetXml);
  const commentsXml = commentsRel ? await pkg.read(commentsRel.target) : undefined;
  const vmlXml = vmlRel ? await pkg.read(vmlRel.target) : undefined;

  let existing: ExistingComments;
  try {
    existing = commentsXml ? readComments(commentsXml) : { own: [], others: new Set() };
  } catch (e) {
    if (e instanceof XmlShapeError) return { sheetEdits: [], written: [], unwritable: true, removed: 0 };
    throw e;
  }
  const adding = notes.filter((n) => !existing.others.has(n.cell));
  if (existing.own.length === 0 && adding.length === 0) return { sheetEdits: [], written: [], removed: 0 };
  const removedRefs = new Set(existing.own.map((o) => o.ref));

  // The parts as pieces: a thousand notes' drawing and comments are a megabyte of text, never joined (Package.writePieces).
  let vml: string[];
  try {
    vml = vmlXml !== undefined ? [editVml(vmlXml, removedRefs, adding)] : newVml(adding, await nextIdBlock(pkg));
  } catch (e) {
    if (e instanceof XmlShapeError) return { sheetEdits: [], written: [], unwritable: true, removed: 0 };
    throw e;
  }

  const sheetEdits: Splice[] = [];
  // The new parts' content types, declared together (one edit of [Content_Types].xml).
  const declare: Array<{ part: string; type: string }> = [];
  if (commentsRel && commentsXml !== undefined) pkg.writePieces(commentsRel.target, editComments(commentsXml, existing, adding));
  else {
    const part = pkg.freeName("xl/comments", ".xml");
    pkg.writePieces(part, editComments(EMPTY_COMMENTS, { own: [], others: new Set() }, adding));
    await addRelationship(pkg, sheetPart, REL.comments, part);
    declare.push({ part, type: COMMENTS_TYPE });
  }
  if (vmlRel) pkg.writePieces(vmlRel.target, vml);
  else {
    const part = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    pkg.writePieces(part, vml);
    const rid = await addRelationship(pkg, sheetPart, REL.vmlDrawing, part);
    declare.push({ part, type: VML_TYPE });
    sheetEdits.push(legacyDrawingEdit!(rid));
  }
  if (declare.length > 0) await addContentTypes(pkg, declare);
  return { sheetEdits, written: adding.map((a) => a.cell), removed: existing.own.length };
}

const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

interface ExistingComments {
  own: Array<{ ref: string; start: number; end: number }>;
  /** Cells holding a note of the person's own: never written over. */
  others: Set<string>;
}

function readComments(xml: string): ExistingComments {
  const root = rootOf(xml);
  const list = childrenOf(xml, root).find((c) => c.name === "commentList");
  const out: ExistingComments = { own: [], others: new Set() };
  if (!list) return out;
  for (const c of childrenOf(xml, list)) {
    if (c.name !== "comment") continue;
    const ref = (attr(xml, c, "ref") ?? "").split(":")[0].replace(/\$/g, "").toUpperCase();
    const text = childrenOf(xml, c).find((k) => k.name === "text");
    if (isOwn(text ? textOf(xml, text) : "")) out.own.push({ ref, start: c.start, end: c.end });
    else out.others.add(ref);
  }
  return out;
}

function editComments(xml: string, existing: ExistingComments, adding: NoteWrite[]): string[] {
  const root = rootOf(xml);
  const p = prefixOf(root);
  const kids = childrenOf(xml, root);
  const edits: Splice[] = existing.own.map((o) => ({ start: o.start, end: o.end, text: "" }));
  const authors = kids.find((c) => c.name === "authors");
  // Each note under its author: the add-in's, or the person's whose note an .xls copy keeps.
  const names = authors ? childrenOf(xml, authors).filter((a) => a.name === "author").map((a) => textOf(xml, a)) : [];
  const added: string[] = [];
  const idOf = (author: string) => {
    const at = names.indexOf(author);
    if (at >= 0) return at;
    const k = added.indexOf(author);
    if (k >= 0) return names.length + k;
    added.push(author);
    return names.length + added.length - 1;
  };
  const comments = adding
    .map((n) => `<${p}comment ref="${escapeAttr(n.cell)}" authorId="${idOf(n.author ?? NOTE_AUTHOR)}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/></${p}rPr><${p}t xml:space="preserve">${escapeText(n.text)}</${p}t></${p}r></${p}text></${p}comment>`)
    .join("");
  const newAuthors = added.map((a) => `<${p}author>${escapeText(a)}</${p}author>`).join("");
  if (authors && newAuthors) {
    if (authors.selfClosing) {
      const o = opened(xml, authors);
      edits.push({ start: authors.start, end: authors.end, text: o.open + newAuthors + o.close });
    } else edits.push({ start: authors.contentEnd, end: authors.contentEnd, text: newAuthors });
  } else if (!authors && newAuthors) {
    edits.push({ start: root.tagEnd, end: root.tagEnd, text: `<${p}authors>${newAuthors}</${p}authors>` });
  }
  const list = kids.find((c) => c.name === "commentList");
  if (comments !== "") {
    if (!list) {
      const at = authors ? authors.end : root.tagEnd;
      edits.push({ start: at, end: at, text: `<${p}commentList>${comments}</${p}commentList>` });
    } else if (list.selfClosing) {
      const o = opened(xml, list);
      edits.push({ start: list.start, end: list.end, text: o.open + comments + o.close });
    } else edits.push({ start: list.contentEnd, end: list.contentEnd, text: comments });
  }
  return splicePieces(xml, edits);
}

/** The highest shape-id block a VML drawing uses: its o:idmap's, or its shapes' ids'. */
function highestBlock(xml: string): number {
  let max = 0;
  for (const m of xml.matchAll(/idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) for (const n of m[1].split(/[,\s]+/)) max = Math.max(max, Number(n) || 0);
  for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
  return max;
}

/**
 * Each package's drawings' highest blocks, by part, with the text each was read from: a fill gives
 * every sheet's notes a drawing of its own, and each asked for the next block by reading every drawing
 * made before it (a workbook of 200 sheets: 200 drawings read 100 times over on average). A drawing
 * whose text changed since is read again.
 */
const blocksRead = new WeakMap<Package, Map<string, { xml: string; max: number }>>();

/** The first shape-id block (o:idmap) no VML drawing in the package uses. */
async function nextIdBlock(pkg: Package): Promise<number> {
  let read = blocksRead.get(pkg);
  if (!read) blocksRead.set(pkg, (read = new Map()));
  let max = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const xml = (await pkg.read(name)) ?? "";
    let known = read.get(name);
    if (known === undefined || known.xml !== xml) read.set(name, (known = { xml, max: highestBlock(xml) }));
    max = Math.max(max, known.max);
  }
  return max + 1;
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(id: number, n: NoteWrite): string {
  const { row, col } = parseA1(n.cell);
  const lines = Math.min(12, 3 + Math.ceil(n.text.length / 24));
  const anchor = [col, 15, Math.max(0, row - 2), 10, col + 3, 15, row - 1 + lines, 4].join(", ");
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:${lines * 15}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData>` +
    "</v:shape>"
  );
}

/** A new drawing of the notes, as its pieces (its head, a shape a note, its end). */
function newVml(adding: NoteWrite[], block: number): string[] {
  const head =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}`;
  return [head, ...adding.map((n, i) => shapeXml(block * 1024 + 1 + i, n)), "</xml>"];
}

const noteCell = (shape: string): string | null => {
  if (!/ObjectType\s*=\s*"Note"/.test(shape)) return null;
  const r = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(shape);
  const c = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(shape);
  if (!r || !c) return null;
  return toA1(Number(r[1]) + 1, Number(c[1]) + 1);
};

/** An existing VML drawing with the add-in's old note shapes taken out and the new ones added. */
function editVml(xml: string, removed: Set<string>, adding: NoteWrite[]): string {
  // Shapes can only be added where the drawing uses the usual prefixes for the VML namespaces.
  if (adding.length > 0 && !/xmlns:v\s*=\s*"urn:schemas-microsoft-com:vml"/.test(xml)) throw new XmlShapeError("VML without the v: prefix");
  if (adding.length > 0 && !/xmlns:x\s*=\s*"urn:schemas-microsoft-com:office:excel"/.test(xml)) throw new XmlShapeError("VML without the x: prefix");
  if (adding.length > 0 && !/xmlns:o\s*=\s*"urn:schemas-microsoft-com:office:office"/.test(xml)) throw new XmlShapeError("VML without the o: prefix");
  const root = rootOf(xml);
  const edits: Splice[] = [];
  const kept: string[] = [];
  for (const s of childrenOf(xml, root)) {
    const text = xml.slice(s.start, s.end);
    if (s.name === "shape") {
      const cell = noteCell(text);
      if (cell && removed.has(cell)) {
        edits.push({ start: s.start, end: s.end, text: "" });
        continue;
      }
    }
    kept.push(text);
  }
  let max = 0;
  for (const k of kept) for (const m of k.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  // The drawing's own id block (o:idmap) numbers its shapes; filling twice gives the same ids.
  const block = Number(/idmap\b[^>]*\bdata\s*=\s*"(\d+)/.exec(xml)?.[1] ?? 1);
  const first = max > 0 ? max + 1 : block * 1024 + 1;
  const hasType = kept.some((k) => /id\s*=\s*"_x0000_t202"/.test(k));
  const added = (hasType || adding.length === 0 ? "" : SHAPE_TYPE) + adding.map((n, i) => shapeXml(first + i, n)).join("");
  if (added !== "") edits.push({ start: root.contentEnd, end: root.contentEnd, text: added });
  return splice(xml, edits);
}

// The one XML scanner (issue 15 §2, issue 17 §4): equal to saxes, a conforming parser (the one ExcelJS
// uses), over generated documents with comments, CDATA, processing instructions, attributes holding
// `>` and quotes, and entities; the XML specification's cases; and packages decorated with all of it
// read cell for cell as ExcelJS reads them, and as the undecorated package.
import fc from "fast-check";
import JSZip from "jszip";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SaxesParser } from "saxes";
import { CLOSE, DONE, OPEN, TEXT, XmlScanner } from "../../src/xlsx/package/xmlScan";
import { attr, childrenOf, rootOf, textOf, type Element } from "../../src/xlsx/package/xml";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { loadWorkbook, snapshotOf } from "../../src/xlsx/readWorkbook";
import { analyzeSheet } from "../../src/core/engine";
import { SAMPLES } from "../helpers";
import { recalculatedCsvs, soffice } from "./libreoffice";

type Event = string;

/** What saxes reports, as a list: opens with their attributes, closes, and text (adjacent text joined). */
function viaSaxes(xml: string): Event[] | "error" {
  const out: Event[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(`text:${text}`);
    text = "";
  };
  const p = new SaxesParser();
  let failed = false;
  p.on("error", () => {
    failed = true;
  });
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    flush();
    const attrs = Object.entries(t.attributes as Record<string, string>).map(([k, v]) => `${k}=${v}`).sort();
    out.push(`open:${t.name}[${attrs.join("|")}]`);
  });
  p.on("closetag", (t) => {
    depth--;
    flush();
    out.push(`close:${t.name}`);
  });
  p.on("text", (t) => {
    if (depth > 0) text += t;
  });
  p.on("cdata", (t) => {
    text += t;
  });
  try {
    p.write(xml).close();
  } catch {
    return "error";
  }
  if (failed) return "error";
  flush();
  return out;
}

/** What the scanner reports, in the same terms; attribute names listed, then read one by one through attr(). */
function viaScanner(xml: string, attrNames: (qname: string) => string[], known = false): Event[] | "error" {
  const out: Event[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") out.push(`text:${text}`);
    text = "";
  };
  try {
    const sc = new XmlScanner(xml, 0, xml.length, known);
    for (let k = sc.next(); k !== DONE; k = sc.next()) {
      if (k === OPEN) {
        flush();
        const attrs = attrNames(sc.qname).flatMap((n) => {
          const v = sc.attr(n);
          return v === undefined ? [] : [`${n}=${v}`];
        }).sort();
        out.push(`open:${sc.qname}[${attrs.join("|")}]`);
      } else if (k === CLOSE) {
        flush();
        out.push(`close:${sc.qname}`);
      } else if (k === TEXT && sc.path.length > 0) text += sc.text();
    }
  } catch {
    return "error";
  }
  flush();
  return out;
}

// Generated documents: elements with attributes, text with entities and CDATA, comments and PIs between.
const name = fc.constantFrom("c", "v", "x:row", "t", "si", "extLst", "ext", "f");
const attrValue = fc.stringMatching(/^[A-Za-z0-9 >/=<&"'.:_\t\n\r-]{0,12}$/).map((s) => s.replace(/</g, "&lt;").replace(/&(?!lt;)/g, "&amp;"));
const attribute = fc.tuple(fc.constantFrom("r", "s", "t", "ref", "x:id", "foo"), attrValue, fc.constantFrom('"', "'"));
const textPiece = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 一二三>=_x.:-]{0,10}$/),
  fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#20013;", "&#x4E2D;", "_x000D_", "a\r\nb", "\r", "\r\n\r", "&#13;\r\n", "\n"),
  fc.stringMatching(/^[A-Za-z0-9 <>&\r\n]{0,8}$/).map((s) => `<![CDATA[${s}]]>`),
  fc.constantFrom("<!-- </sheetData> <c r=\"G31\"><v>9</v></c> -->", "<?mso-application progid=\"Excel.Sheet\"?>", "<!---->"),
  // End tags hidden where no element can be: the edit layer's quick step over an element must not take them for its end.
  fc.constantFrom("<!-- </c></v></t></f></si> -->", "<![CDATA[</c></v></t></f>]]>", "<?pi </c></v></t></f>?>"),
);
const element: fc.Memo<string> = fc.memo((n) =>
  fc.tuple(name, fc.uniqueArray(attribute, { selector: (a) => a[0], maxLength: 3 }), n > 1 ? fc.array(fc.oneof(textPiece, element(n - 1)), { maxLength: 4 }) : fc.array(textPiece, { maxLength: 2 }), fc.boolean()).map(([tag, attrs, kids, self]) => {
    const a = attrs.map(([k, v, q]) => ` ${k}=${q}${q === '"' ? v.replace(/"/g, "&quot;") : v.replace(/'/g, "&apos;")}${q}`).join("");
    return self && kids.length === 0 ? `<${tag}${a}/>` : `<${tag}${a}>${kids.join("")}</${tag}>`;
  }),
);
const document = fc.tuple(fc.constantFrom("", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'), fc.constantFrom("", "<!-- before -->"), element(4)).map(([decl, pre, root]) => `${decl}${pre}<root xmlns:x="urn:x">${root}</root>`);

const NAMES = ["r", "s", "t", "ref", "x:id", "foo", "xmlns:x"];

test("the scanner reads every generated document as saxes does", () => {
  fc.assert(
    fc.property(document, (xml) => {
      expect(viaScanner(xml, () => NAMES)).toEqual(viaSaxes(xml));
    }),
    { numRuns: 1500 },
  );
});

// Start tags as XML refuses them and as it takes them: a name written twice (Unique Att Spec), values
// run together without white space, names that are not names (a digit, `-` or `.` first), elements
// so named; and the spellings around them it takes (white space around `=`, non-ASCII names, `:`).
const tagName = fc.constantFrom("c", "x:row", "é", "a.b", "_1", "1a", "-a", ".a", "a:");
const attrName = fc.constantFrom("r", "s", "x:id", "é", "a-b", "_", "9z", "-x", ".y", ":z", "xmlns:x");
const looseAttribute = fc.tuple(attrName, fc.constantFrom("=", " = ", "\t=\n"), fc.constantFrom('"1"', "'a b'", '"&amp;"', '"&nbsp;"', '""'), fc.constantFrom(" ", " ", " ", "", "\n"));
const looseDocument = fc
  .tuple(tagName, fc.array(looseAttribute, { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([tag, attrs, self, nested]) => {
    const a = attrs.map(([n, eq, v, sep]) => `${sep}${n}${eq}${v}`).join("");
    // First-written white space always: without it the name would run into the tag's.
    const start = `<${tag}${a.startsWith(" ") || a.startsWith("\n") || a === "" ? a : ` ${a}`}`;
    const el = self ? `${start}/>` : `${start}></${tag}>`;
    return nested ? `<root xmlns:x="urn:x"><p>${el}</p></root>` : `<root xmlns:x="urn:x">${el}</root>`;
  });

test("start tags XML refuses are refused as saxes refuses them, their attributes read or not", () => {
  let refused = 0;
  let taken = 0;
  fc.assert(
    fc.property(looseDocument, (xml) => {
      const sax = viaSaxes(xml);
      // Read through attr() (every name the generator writes), and walked without reading one.
      const names = ["r", "s", "x:id", "é", "a-b", "_", "9z", "-x", ".y", ":z", "xmlns:x"];
      expect(viaScanner(xml, () => names)).toEqual(sax);
      expect(viaScanner(xml, () => []) === "error").toBe(sax === "error");
      expect(treeViaSpans(xml) === "error").toBe(sax === "error");
      if (sax === "error") refused++;
      else taken++;
    }),
    { numRuns: 1500 },
  );
  // Both kinds met, many times.
  expect(refused).toBeGreaterThan(300);
  expect(taken).toBeGreaterThan(300);
});

/** Pieces XML may refuse, put into a document where they may fall anywhere. */
const hazard = () => fc.constantFrom("&", "&amp", "&nbsp;", "&#1;", "]]>", "]]", "<?xml ?>", '<?xml version="1.0"?>', "<?XmL v?>", "<? x?>", "<?pi x?>", "x", "<b/>", " ", "<!-- c -->", "<![CDATA[]]>", ">", '"', "'", "=");

/** saxes's verdict against the scanner's walk that reads nothing (no attribute, no text): what it refuses unread. */
function walked(xml: string): "ok" | "error" {
  try {
    const sc = new XmlScanner(xml);
    while (sc.next() !== DONE);
    return "ok";
  } catch {
    return "error";
  }
}

test("what XML refuses is refused where nothing reads it: a piece put anywhere into a generated document, walked as saxes reads it", () => {
  const hazardous = hazard();
  let refused = 0;
  let taken = 0;
  fc.assert(
    fc.property(document, hazardous, fc.nat(), (xml, piece, n) => {
      const at = n % (xml.length + 1);
      const doc = xml.slice(0, at) + piece + xml.slice(at);
      const sax = viaSaxes(doc);
      expect(walked(doc)).toBe(sax === "error" ? "error" : "ok");
      // Read (attributes, text) and through the editor's spans: refused alike (what is read is compared above, over documents without pieces).
      expect(viaScanner(doc, () => NAMES) === "error").toBe(sax === "error");
      expect(treeViaSpans(doc) === "error").toBe(sax === "error");
      if (sax === "error") refused++;
      else taken++;
    }),
    { numRuns: 3000 },
  );
  expect(refused).toBeGreaterThan(500);
  expect(taken).toBeGreaterThan(500);
});

test("a text known well-formed (a fill walking again what its check read) is read as it was the first time, its checks left out", () => {
  let compared = 0;
  fc.assert(
    fc.property(document, hazard(), fc.nat(), (xml, piece, n) => {
      const at = n % (xml.length + 1);
      const doc = xml.slice(0, at) + piece + xml.slice(at);
      const first = viaScanner(doc, () => NAMES);
      // Only a text the first walk took is ever known.
      if (first === "error") return;
      expect(viaScanner(doc, () => NAMES, true)).toEqual(first);
      compared++;
    }),
    { numRuns: 2500 },
  );
  expect(compared).toBeGreaterThan(300);
});

test("an attribute written twice is refused wherever it stands, read or not (XML 1.0 §3.1)", () => {
  for (const xml of ['<a x="1" x="2"/>', "<a><b r='1' s='2' r='1'/></a>", '<a x:y="1" x:y="1"/>', '<a><c r="A1" r="B2"><v>1</v></c></a>']) {
    expect(viaSaxes(xml)).toBe("error");
    expect(viaScanner(xml, () => [])).toBe("error");
    expect(treeViaSpans(xml)).toBe("error");
  }
  // Past the sixteen names kept by position (a set holds the rest): a repeat among or across them is found too.
  const many = Array.from({ length: 20 }, (_, k) => ` a${k}="${k}"`).join("");
  expect(walked(`<a${many}/>`)).toBe("ok");
  for (const extra of [' a3="x"', ' a18="x"']) {
    const xml = `<a${many}${extra}/>`;
    expect(viaSaxes(xml)).toBe("error");
    expect(walked(xml)).toBe("error");
  }
  // Names differing in case, or in prefix only, are two names (no namespaces are compared: saxes alike).
  for (const xml of ['<a x="1" X="2"/>', '<a x:y="1" z:y="2" xmlns:x="u" xmlns:z="v"/>']) {
    expect(viaScanner(xml, () => ["x", "X", "x:y", "z:y", "xmlns:x", "xmlns:z"])).toEqual(viaSaxes(xml));
    expect(viaSaxes(xml)).not.toBe("error");
  }
});

interface Node {
  name: string;
  attrs: string[];
  /** Every text inside the element, its descendants' included. */
  text: string;
  children: Node[];
}

/** The tree saxes reads: each element with its attributes, its whole text and its children. */
function treeViaSaxes(xml: string): Node | "error" {
  const p = new SaxesParser();
  let failed = false;
  p.on("error", () => {
    failed = true;
  });
  const stack: Node[] = [];
  let root: Node | null = null;
  p.on("opentag", (t) => {
    const node: Node = { name: t.name, attrs: Object.entries(t.attributes as Record<string, string>).map(([k, v]) => `${k}=${v}`).sort(), text: "", children: [] };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  p.on("closetag", () => {
    stack.pop();
  });
  const text = (t: string) => {
    for (const n of stack) n.text += t;
  };
  p.on("text", text);
  p.on("cdata", text);
  try {
    p.write(xml).close();
  } catch {
    return "error";
  }
  return failed || !root ? "error" : root;
}

/** The same tree from the editor's span API (rootOf, childrenOf, attr, textOf), which rests on the scanner. */
function treeViaSpans(xml: string): Node | "error" {
  const walk = (el: Element): Node => ({
    name: el.qname,
    attrs: NAMES.flatMap((n) => {
      const v = attr(xml, el, n);
      return v === undefined ? [] : [`${n}=${v}`];
    }).sort(),
    text: textOf(xml, el),
    children: childrenOf(xml, el).map(walk),
  });
  try {
    return walk(rootOf(xml));
  } catch {
    return "error";
  }
}

test("the editor's span API reads every generated document as saxes does: elements, attributes, text", () => {
  fc.assert(
    fc.property(document, (xml) => {
      expect(treeViaSpans(xml)).toEqual(treeViaSaxes(xml));
    }),
    { numRuns: 800 },
  );
});

describe("the XML specification's cases", () => {
  const wellFormed: Array<[string, string]> = [
    ["a comment holding markup", "<a><!-- <b>not an element</b> --></a>"],
    ["CDATA holding markup", "<a><![CDATA[<b>&amp;</b>]]></a>"],
    ["a PI holding markup", "<a><?pi <b/> ?></a>"],
    ["> inside an attribute", '<a x="1 > 0"/>'],
    ["the other quote inside an attribute", `<a x='say "hi"' y="it's"/>`],
    ["references in text and attributes", '<a x="&lt;&#65;&#x42;">&amp;&gt;&quot;&apos;&#x4E2D;</a>'],
    ["white space in attribute values normalised", '<a x="1\n2\t3"/>'],
    ["white space before > of an end tag", "<a><b></b  ></a>"],
    ["an empty comment", "<a><!----></a>"],
  ];
  test.each(wellFormed)("%s", (_, xml) => {
    const names = () => ["x", "y"];
    expect(viaScanner(xml, names)).toEqual(viaSaxes(xml));
    expect(viaScanner(xml, names)).not.toBe("error");
    // The editor's spans read it alike (its attributes compared by the names the generator uses).
    const spans = treeViaSpans(xml.replace(/ x=/g, " r=").replace(/ y=/g, " s="));
    expect(spans).toEqual(treeViaSaxes(xml.replace(/ x=/g, " r=").replace(/ y=/g, " s=")));
    expect(spans).not.toBe("error");
  });

  const notWellFormed: Array<[string, string]> = [
    ["mismatched end tag", "<a><b></a></b>"],
    ["unclosed element", "<a><b></b>"],
    ["< inside an attribute value", '<a x="<"/>'],
    ["an undeclared entity", "<a>&nbsp;</a>"],
    ["a bare &", "<a>fish & chips</a>"],
    ["an unquoted attribute", "<a x=1/>"],
    ["an unterminated comment", "<a><!-- </a>"],
    ["a reference to a control character", "<a>&#1;</a>"],
    ["a reference to a surrogate, in an attribute", "<a x='&#xD800;'/>"],
    ["a reference to U+FFFE", "<a>&#xFFFE;</a>"],
    ["text after the root", "<a/>x"],
    ["a second root", "<a/><b/>"],
    ["]]> in text", "<a>]]></a>"],
    ["a declaration past the start", ' <?xml version="1.0"?><a/>'],
    ["a declaration with its encoding after standalone", '<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>'],
    ["a declaration without its version", '<?xml encoding="UTF-8"?><a/>'],
    ["a processing instruction named xml inside the root", "<a><?XML x?></a>"],
    ["a processing instruction without a target", "<a><? x?></a>"],
  ];
  test.each(notWellFormed)("%s is refused", (_, xml) => {
    expect(viaScanner(xml, () => ["x"])).toBe("error");
    expect(viaSaxes(xml)).toBe("error");
    expect(treeViaSpans(xml)).toBe("error");
  });

  test("a DOCTYPE is refused: no DTD is read, no entity of one expanded (a billion laughs)", () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(viaScanner(lol, () => [])).toBe("error");
    expect(treeViaSpans(lol)).toBe("error");
  });
});

// Packages decorated as other writers and hostile hands leave them.
async function decorate(bytes: Uint8Array, how: { comments: boolean; cdata: boolean; pis: boolean; attrs: boolean; ext: boolean; escapes: boolean; utf16: boolean; renamed: boolean }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const sheetName = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  let sheet = await zip.file(sheetName)!.async("string");
  let sst = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? null;
  if (how.escapes && sst) sst = sst.replace(/<t>([^<]{2,})<\/t>/, "<t>$1_x000D__x000A_</t>");
  if (how.comments) {
    sheet = sheet.replace(/<\/c>/g, "</c><!-- <v>1</v> -->").replace(/<row /g, '<!-- <c r="A1"><v>99</v></c> </sheetData> --><row ');
    if (sst) sst = sst.replace(/<si>/g, "<!-- <si><t>ghost</t></si> --><si>");
  }
  if (how.pis) sheet = sheet.replace(/<sheetData>/, "<sheetData><?jixiao-test <c r='A1'><v>7</v></c> ?>");
  if (how.cdata) sheet = sheet.replace(/<v>([^<]*)<\/v>/g, "<v><![CDATA[$1]]></v>");
  if (how.attrs) sheet = sheet.replace(/<c r="([A-Z]+\d+)"/g, `<c note='x> r="G31" &amp; y' r="$1"`);
  if (how.ext) {
    const ext = '<extLst><ext uri="{jixiao}"><sheetProtection sheet="1"/><c r="A1"><v>5</v></c><mergeCells><mergeCell ref="A1:Z9"/></mergeCells></ext></extLst>';
    sheet = sheet.replace(/<\/worksheet>$/, `${ext}</worksheet>`);
  }
  zip.file(sheetName, how.utf16 ? utf16(sheet) : sheet);
  if (sst) zip.file("xl/sharedStrings.xml", how.utf16 ? utf16(sst) : sst);
  if (how.renamed) {
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.remove("xl/workbook.xml");
    zip.file("xl/book.xml", wb);
    const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.remove("xl/_rels/workbook.xml.rels");
    zip.file("xl/_rels/book.xml.rels", wbRels);
    zip.file("_rels/.rels", (await zip.file("_rels/.rels")!.async("string")).replace("xl/workbook.xml", "xl/book.xml"));
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace("/xl/workbook.xml", "/xl/book.xml"));
  }
  return zip.generateAsync({ type: "uint8array" });
}

function utf16(s: string): Uint8Array {
  const text = s.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

const SAMPLE_FILES = ["selfeval/zhengwuyun.xlsx", "selfeval/yiwangtongban.xlsx", "selfeval-defects/bad-values.xlsx", "targets/menhu-2024.xlsx", "legacy/xuqiuce.xlsx"];
const plain = new Map<string, Uint8Array>();
beforeAll(() => {
  for (const f of SAMPLE_FILES) plain.set(f, new Uint8Array(fs.readFileSync(path.join(SAMPLES, f))));
});

const decorations = fc.record({ comments: fc.boolean(), cdata: fc.boolean(), pis: fc.boolean(), attrs: fc.boolean(), ext: fc.boolean(), escapes: fc.boolean(), utf16: fc.boolean(), renamed: fc.boolean() });

test("decorated packages read cell for cell as the plain package, and as ExcelJS reads what it can", async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SAMPLE_FILES), decorations, async (file, how) => {
      const bytes = await decorate(plain.get(file)!, how);
      const mine = await readPackageSnapshots(bytes);
      const base = await readPackageSnapshots(plain.get(file)!);
      if (how.escapes) {
        // The escape decoded: a carriage return and a line feed where the plain package has none.
        const flat = mine.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === "string");
        expect(flat.some((v) => v.endsWith("\r\n"))).toBe(true);
      } else {
        expect(mine).toEqual(base);
        expect(mine.map((s) => analyzeSheet(s).findings)).toEqual(base.map((s) => analyzeSheet(s).findings));
      }
      // ExcelJS cannot read UTF-16 parts or a renamed workbook part, and drops a value written as CDATA;
      // where it can read the package, it agrees.
      if (!how.utf16 && !how.renamed && !how.cdata) {
        const theirs = (await loadWorkbook(bytes)).worksheets.map((ws) => snapshotOf(ws));
        expect(mine.map((s) => s.values)).toEqual(theirs.map((s) => s.values));
        expect(mine.map((s) => s.merges)).toEqual(theirs.map((s) => s.merges));
        expect(mine.map((s) => s.protected ?? false)).toEqual(theirs.map((s) => s.protected ?? false));
      }
    }),
    { numRuns: 60 },
  );
}, 120_000);

test("a t=\"d\" cell (an ISO 8601 date) reads as the date Excel shows", async () => {
  const zip = await JSZip.loadAsync(plain.get("selfeval/zhengwuyun.xlsx")!);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", '<row r="40"><c r="A40" t="d"><v>2023-03-15T00:00:00</v></c></row></sheetData>'));
  const [s] = await readPackageSnapshots(await zip.generateAsync({ type: "uint8array" }));
  const row = s.values[40 - s.origin.row];
  expect(row[0]).toBe(45000);
  expect(s.text[40 - s.origin.row][0]).toBe("2023-03-15");
});

const lo = soffice();
(lo ? test : test.skip)("a decorated package reads as LibreOffice reads it, cell for cell", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xml-lo-"));
  const bytes = await decorate(plain.get("selfeval/zhengwuyun.xlsx")!, { comments: true, cdata: true, pis: true, attrs: true, ext: true, escapes: false, utf16: false, renamed: false });
  const file = path.join(dir, "decorated.xlsx");
  fs.writeFileSync(file, bytes);
  const [csv] = recalculatedCsvs([file], { asShown: false });
  const [s] = await readPackageSnapshots(bytes);
  let compared = 0;
  s.values.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null) return;
      const theirs = csv[s.origin.row - 1 + i]?.[s.origin.col - 1 + j] ?? "";
      if (typeof v === "number") expect(Number(theirs)).toBeCloseTo(v, 9);
      else expect(theirs).toBe(String(v));
      compared++;
    }),
  );
  expect(compared).toBeGreaterThan(100);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

(lo ? test : test.skip)("a cell naming r twice: LibreOffice stops reading the sheet there, the reader refuses the file (neither reads it as the first value written)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xml-lo-"));
  const zip = await JSZip.loadAsync(plain.get("selfeval/zhengwuyun.xlsx")!);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const damaged = sheet.replace('<c r="B5"', '<c r="B5" r="B6"');
  expect(damaged).not.toBe(sheet);
  zip.file("xl/worksheets/sheet1.xml", damaged);
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const files = [path.join(dir, "plain.xlsx"), path.join(dir, "twice.xlsx")];
  fs.writeFileSync(files[0], plain.get("selfeval/zhengwuyun.xlsx")!);
  fs.writeFileSync(files[1], bytes);
  const [whole, cut] = recalculatedCsvs(files, { asShown: false });
  // LibreOffice keeps the rows before the tag and loses the rest of the form: its total, its grade.
  const filled = (rows: string[][]) => rows.filter((r) => r.some((v) => v !== "")).length;
  expect(filled(whole)).toBeGreaterThan(30);
  expect(filled(cut)).toBeLessThan(6);
  await expect(readPackageSnapshots(bytes)).rejects.toThrow(/written twice/);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

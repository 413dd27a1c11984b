// The edit layer keeps the last document's root and children (src/xlsx/package/xml.ts): asked about
// another text, even one whose root spans the same characters, it answers for that text.
import { childrenOf, rootOf } from "../../src/xlsx/package/xml";
import { isProtected, legacyDrawingId } from "../../src/xlsx/package/sheetXml";

test("children are the asked text's, not the last one's, and a caller's changes to the list do not stay", () => {
  const a = "<r><a/><b/></r>";
  const b = "<r><c/><d/></r>";
  expect(childrenOf(a, rootOf(a)).map((e) => e.name)).toEqual(["a", "b"]);
  expect(childrenOf(b, rootOf(b)).map((e) => e.name)).toEqual(["c", "d"]);
  const again = childrenOf(b, rootOf(b));
  again.pop();
  expect(childrenOf(b, rootOf(b)).map((e) => e.name)).toEqual(["c", "d"]);
  // A text asked for again after another is read anew, and still well-formed or refused.
  expect(childrenOf(a, rootOf(a)).map((e) => e.name)).toEqual(["a", "b"]);
  expect(() => rootOf("<r><a></b></r>")).toThrow();
});

test("a sheet without the words is neither protected nor drawn on; with them, as written (a prefix too)", () => {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  expect(isProtected(`<worksheet ${ns}><sheetData/></worksheet>`)).toBe(false);
  expect(isProtected(`<worksheet ${ns}><sheetData/><sheetProtection sheet="1"/></worksheet>`)).toBe(true);
  expect(isProtected(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/><x:sheetProtection sheet="true"/></x:worksheet>`)).toBe(true);
  // The word in a cell's text is not the element.
  expect(isProtected(`<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetProtection</t></is></c></row></sheetData></worksheet>`)).toBe(false);
  expect(legacyDrawingId(`<worksheet ${ns}><sheetData/></worksheet>`)).toBeUndefined();
  expect(legacyDrawingId(`<worksheet ${ns}><sheetData/><legacyDrawing r:id="rId7"/></worksheet>`)).toBe("rId7");
});

test("a text spliced from a walked one is read alike without being walked again; a read or a fill keeps no text once done", async () => {
  const { splice, keptTexts, forgetTexts } = await import("../../src/xlsx/package/xml");
  const { fillPackage } = await import("../../src/xlsx/package/fillPackage");
  const fs = await import("node:fs");
  const { SAMPLES } = await import("../helpers");
  const a = '<r><row r="1"><c r="A1"><v>1</v></c></row><!-- </row> --><row r="2"/></r>';
  const rows = childrenOf(a, rootOf(a));
  const b = splice(a, [{ start: rows[0].end, end: rows[0].end, text: '<row r="9"><c r="B9"><v>2</v></c></row>' }]);
  expect(childrenOf(b, rootOf(b)).map((e) => b.slice(e.start, e.end))).toEqual(['<row r="1"><c r="A1"><v>1</v></c></row>', '<row r="9"><c r="B9"><v>2</v></c></row>', '<row r="2"/>']);
  // An edit of the root's own tag, or before it, moves more than its end: the new root is found anew.
  const rootB = rootOf(b);
  const c = splice(b, [{ start: rootB.start, end: rootB.tagEnd, text: '<r xmlns:x="urn:x">' }]);
  expect(c.slice(rootOf(c).start, rootOf(c).tagEnd)).toBe('<r xmlns:x="urn:x">');
  expect(childrenOf(c, rootOf(c))).toHaveLength(3);
  const d = splice(c, [{ start: 0, end: 0, text: "<!-- a comment first -->" }]);
  expect(rootOf(d).start).toBe(24);
  expect(childrenOf(d, rootOf(d)).map((e) => e.name)).toEqual(["row", "row", "row"]);
  expect(keptTexts()).toBeGreaterThan(0);
  forgetTexts();
  expect(keptTexts()).toBe(0);
  const dir = fs.readdirSync(SAMPLES).find((d) => fs.statSync(`${SAMPLES}/${d}`).isDirectory())!;
  const file = fs.readdirSync(`${SAMPLES}/${dir}`).find((f) => f.endsWith(".xlsx"))!;
  const bytes = new Uint8Array(fs.readFileSync(`${SAMPLES}/${dir}/${file}`));
  const { readPackageSnapshots } = await import("../../src/xlsx/readPackage");
  const { planFill } = await import("../../src/core/fill");
  const [snap] = await readPackageSnapshots(bytes);
  // Reading keeps none either (the workbook, its relationships and styles are read through the span API).
  expect(keptTexts()).toBe(0);
  const { plan } = planFill(snap);
  expect(plan.writes.length + plan.marks.length).toBeGreaterThan(0);
  const filled = await fillPackage(bytes, [{ sheet: snap.name, writes: plan.writes, marks: plan.marks }]);
  expect(filled.changedParts.length).toBeGreaterThan(0);
  expect(keptTexts()).toBe(0);
  // A fill that fails part way lets go of them too.
  await expect(fillPackage(bytes, [{ sheet: "__none__", writes: [], marks: [] }])).rejects.toThrow();
  expect(keptTexts()).toBe(0);
});

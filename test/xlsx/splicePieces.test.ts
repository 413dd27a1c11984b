// A fill writes its edited sheet as pieces (src/xlsx/package/xml.ts splicePieces, opc.ts writePieces):
// held here to what the joined text gives, over generated edits and pieces, by both codecs.
import fc from "fast-check";
import * as browser from "../../src/xlsx/package/codec.browser";
import * as native from "../../src/xlsx/package/codec";
import { Package } from "../../src/xlsx/package/opc";
import { splice, splicePieces, type Splice } from "../../src/xlsx/package/xml";
import { writeZip } from "../../src/xlsx/package/zip";

// Pieces as a splice makes them, and as it never does: a surrogate pair split between two pieces, lone halves.
const chunk = fc.constantFrom("", "<c r=\"A1\"><v>1</v></c>", "绩效", "a&amp;b", "😀", "\ud83d", "\ude00", "é", "\n", "x".repeat(300));
const pieces = fc.array(chunk, { maxLength: 40 });

test("the pieces' UTF-8 is the UTF-8 of their join, by Node's codec and the browser's", () => {
  fc.assert(
    fc.property(pieces, (ps) => {
      // Neither codec is handed a piece that ends within a pair (Package joins it to the next); a
      // whole pair or none in each piece here.
      const whole = ps.filter((p) => !/[\ud800-\udbff]$/.test(p));
      const want = new TextEncoder().encode(whole.join(""));
      expect(Buffer.from(native.encodeUtf8Pieces(whole)).equals(Buffer.from(want))).toBe(true);
      expect(Buffer.from(browser.encodeUtf8Pieces(whole)).equals(Buffer.from(want))).toBe(true);
    }),
    { numRuns: 500 },
  );
});

async function onePart(text: string): Promise<Uint8Array> {
  return writeZip([{ name: "p.xml", data: new TextEncoder().encode(text), time: 0, date: 0x21 }]);
}

test("a part written as pieces reads back, and is copied, as the part written as their join; pairs split between pieces stay whole", async () => {
  await fc.assert(
    fc.asyncProperty(pieces, async (ps) => {
      const joined = ps.join("");
      const a = await Package.open(await onePart("<old/>"));
      const b = await Package.open(await onePart("<old/>"));
      a.writePieces("p.xml", ps);
      b.write("p.xml", joined);
      const [ba, bb] = [await a.bytes(), await b.bytes()];
      expect(Buffer.from(ba).equals(Buffer.from(bb))).toBe(true);
      expect(await (await Package.open(ba)).read("p.xml")).toBe(await (await Package.open(bb)).read("p.xml"));
      // Read again before the copy is made, it is the join.
      expect(await a.read("p.xml")).toBe(await b.read("p.xml"));
      expect(a.changedParts).toEqual(["p.xml"]);
    }),
    { numRuns: 200 },
  );
});

test("a declaration saying UTF-16 says UTF-8 in a part written as pieces, as in one written whole", async () => {
  const decl = '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>';
  for (const ps of [[decl + "<a>", "<b/>", "</a>"], ["", decl, "<a/>"], ['<?xml version="1.0" ', 'encoding="UTF-16"?>', "<a/>"]]) {
    const a = await Package.open(await onePart("<old/>"));
    a.writePieces("p.xml", ps);
    const text = await (await Package.open(await a.bytes())).read("p.xml");
    expect(text).toContain('encoding="UTF-8"');
    expect(text!.replace('encoding="UTF-8"', 'encoding="UTF-16"')).toBe(ps.join(""));
  }
});

test("splicePieces joins to splice's text, edits given in any order (ties kept in the order given)", () => {
  const text = fc.string({ minLength: 0, maxLength: 60 });
  fc.assert(
    fc.property(
      text,
      fc.array(fc.record({ a: fc.nat(), b: fc.nat(), text: fc.constantFrom("", "X", "<y/>", "绩") }), { maxLength: 8 }),
      (xml, raw) => {
        // Spans that do not overlap: cut points picked, each edit one span or an insertion at a point.
        const points = [...new Set(raw.map((r) => r.a % (xml.length + 1)))].sort((x, y) => x - y);
        const edits: Splice[] = raw.map((r, i) => {
          const k = r.a % (xml.length + 1);
          const at = points.indexOf(k);
          const next = points[at + 1];
          const end = r.b % 2 === 0 || next === undefined || i % 3 !== 0 ? k : next;
          return { start: k, end, text: r.text };
        });
        // Keep only edits that do not overlap one another (a span covers the insertions inside it).
        const kept: Splice[] = [];
        for (const e of edits) if (!kept.some((k) => e.start < k.end && k.start < e.end) && !kept.some((k) => k.start !== k.end && e.start > k.start && e.start < k.end) && !(e.start !== e.end && kept.some((k) => k.start > e.start && k.start < e.end))) kept.push(e);
        const shuffled = [...kept].reverse();
        expect(splicePieces(xml, shuffled).join("")).toBe(splice(xml, shuffled));
        const sorted = [...kept].sort((x, y) => x.start - y.start || x.end - y.end);
        expect(splicePieces(xml, sorted).join("")).toBe(splice(xml, sorted));
      },
    ),
    { numRuns: 500 },
  );
  // Two insertions at one place go in the order given, whether the list was in order or not.
  expect(splice("ab", [{ start: 1, end: 1, text: "1" }, { start: 1, end: 1, text: "2" }])).toBe("a12b");
  expect(splice("ab", [{ start: 2, end: 2, text: "Z" }, { start: 1, end: 1, text: "1" }, { start: 1, end: 1, text: "2" }])).toBe("a12bZ");
  expect(() => splice("abc", [{ start: 0, end: 2, text: "" }, { start: 1, end: 3, text: "" }])).toThrow();
});

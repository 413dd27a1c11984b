// In a text known well-formed, an element's end is found without tokenising its content (fastEnd in
// src/xlsx/package/xml.ts): content of a few KB tag by tag, longer content by searches. Held here
// to the scanner's own walk of the same text, over generated documents holding what could hide or
// own an end tag: comments, CDATA, processing instructions, nested elements of the same name, names
// that begin alike (c, cc, x:c), `>` and `/` in attribute values, references.
import fc from "fast-check";
import { childrenOf, eachChild, elementAt, forgetTexts, rootOf, type Element } from "../../src/xlsx/package/xml";

const name = fc.constantFrom("c", "cc", "v", "x:c", "is", "row");
const attrs = fc.uniqueArray(fc.constantFrom(' r="A1"', " s='2'", ' t="a>b"', ' x="/"', ' q="&amp;&lt;"'), { maxLength: 2 }).map((a) => a.join(""));
// A long text takes an element past the length up to which its content is looked at tag by tag.
const text = fc.constantFrom("1", "ab", "&amp;", "&#60;c&#62;", " ", "x".repeat(120), "y".repeat(4200), "&lt;/c&gt;", "");
const misc = fc.constantFrom("<!-- </c> -->", "<![CDATA[</c><c>]]>", "<?pi </c>?>", "<!---->");

type Node = string;
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    misc,
    fc.tuple(name, attrs, fc.array(tie("node"), { maxLength: 4 }), fc.boolean()).map(([n, a, kids, self]) => (self && kids.length === 0 ? `<${n}${a}/>` : `<${n}${a}>${kids.join("")}</${n}>`)),
  ),
}));

const doc = fc.array(node, { maxLength: 6 }).map((kids) => `<?xml version="1.0"?><root>${kids.join("")}</root>`);

/** Every element under `el`, depth first, by the walk given. */
function walk(xml: string, el: Element, children: (el: Element) => Element[], out: Element[] = []): Element[] {
  for (const k of children(el)) {
    out.push(k);
    walk(xml, k, children, out);
  }
  return out;
}

test("an element's end found in a known text is the scanner's, in any content", () => {
  fc.assert(
    fc.property(doc, (xml) => {
      forgetTexts();
      // Not known: every element walked by the scanner.
      const start = xml.indexOf("<root>");
      const slow = walk(xml, elementAt(xml, start), (e) => childrenOf(xml, e));
      // Known well-formed (rootOf walks it whole once): ends found by fastEnd.
      const root = rootOf(xml);
      const fast = walk(xml, root, (e) => childrenOf(xml, e));
      expect(fast).toEqual(slow);
      // eachChild visits the same children, at the same starts.
      for (const e of [root, ...fast]) {
        const starts: number[] = [];
        eachChild(xml, e, (sc) => starts.push(sc.start));
        expect(starts).toEqual(childrenOf(xml, e).map((k) => k.start));
      }
      forgetTexts();
    }),
    { numRuns: 1500 },
  );
});

import fc from "fast-check";
import { rootOf, withAttr } from "../../src/xlsx/package/xml";
import { withAttrBefore } from "./oracle/withAttrBefore";

const NAMES = ["r", "ht", "spans", "s", "customHeight", "x14ac:dyDescent", "ref", "numFmtId", "applyNumberFormat", "t"];

// Values without white space: no value can hold ` name=`, where the regular expression before went wrong.
const value = fc.stringMatching(/^[A-Za-z0-9:.&;#_-]{0,8}$/);
const attribute = fc.record({
  name: fc.constantFrom(...NAMES),
  value,
  quote: fc.constantFrom('"', "'"),
  before: fc.constantFrom(" ", "  ", "\n", "\t"),
  eq: fc.constantFrom("=", " = ", "= ", " ="),
});
const tag = fc.record({
  qname: fc.constantFrom("row", "x:row", "c", "xf", "dimension"),
  attrs: fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 6 }),
  selfClosing: fc.boolean(),
  trailing: fc.constantFrom("", " ", "\n"),
});

interface Tag {
  qname: string;
  attrs: Array<{ name: string; value: string; quote: string; before: string; eq: string }>;
  selfClosing: boolean;
  trailing: string;
}

function elementOf(t: Tag) {
  const attrs = t.attrs.map((a) => `${a.before}${a.name}${a.eq}${a.quote}${a.value.replace(/&/g, "&amp;")}${a.quote}`).join("");
  const xml = t.selfClosing ? `<${t.qname}${attrs}${t.trailing}/>` : `<${t.qname}${attrs}${t.trailing}></${t.qname}>`;
  return { xml, el: rootOf(xml) };
}

test("withAttr sets an attribute as the expression before it did, wherever that was right", () => {
  fc.assert(
    fc.property(tag, fc.constantFrom(...NAMES), fc.string({ maxLength: 6 }), (t, name, v) => {
      const { xml, el } = elementOf(t);
      expect(withAttr(xml, el, name, v)).toBe(withAttrBefore(xml, el, name, v));
    }),
    { numRuns: 2000 },
  );
});

test("withAttr sets the attribute itself, not a name and equals sign inside another attribute's value", () => {
  const xml = `<row r="3" note='x ht="9"' ht="15"></row>`;
  expect(withAttr(xml, rootOf(xml), "ht", "30")).toBe(`<row r="3" note='x ht="9"' ht="30">`);
  // The expression before took the text inside the value.
  expect(withAttrBefore(xml, rootOf(xml), "ht", "30")).toBe(`<row r="3" note='x ht="30"' ht="15">`);
  const absent = `<row r="3" note='a ht="9"'/>`;
  expect(withAttr(absent, rootOf(absent), "ht", "30")).toBe(`<row r="3" note='a ht="9"' ht="30"/>`);
});

test("withAttr on a start tag standing alone (a row's tag already edited), values escaped", () => {
  const xml = `<x:row r="7" spans="1:8">`;
  const el = { ...rootOf(`${xml}</x:row>`), start: 0, tagEnd: xml.length };
  expect(withAttr(xml, el, "spans", "1:9")).toBe(`<x:row r="7" spans="1:9">`);
  expect(withAttr(xml, el, "ht", 'a"<&')).toBe(`<x:row r="7" spans="1:8" ht="a&quot;&lt;&amp;">`);
});

import fc from "fast-check";
import { XmlScanner } from "../../src/xlsx/package/xmlScan";

// attrsInto (the named attributes in one pass, no string made of the others) against eachAttr (every
// attribute decoded): the same values and the same refusals (a name written twice is refused when
// the tag is met, below).
const NAMES = ["r", "ht", "customHeight", "hidden", "spans", "customFormat", "outlineLevel", "collapsed", "x14ac:dyDescent", "rr", "h"];
const value = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9:. _-]{0,6}$/),
  fc.constantFrom("&amp;", "a&lt;b", "&#49;5", "&#x31;", "&bogus;", "a & b", "&#xZZ;", "1\t2", "x\ny", "&quot;", "'", '"', ">"),
);
const attribute = fc.record({ name: fc.constantFrom(...NAMES), value, quote: fc.constantFrom('"', "'"), before: fc.constantFrom(" ", "  ", "\n", "\t"), eq: fc.constantFrom("=", " = ") });

function tagOf(attrs: Array<{ name: string; value: string; quote: string; before: string; eq: string }>, close: string): string | null {
  const parts = attrs.map((a) => (a.value.includes(a.quote) ? null : `${a.before}${a.name}${a.eq}${a.quote}${a.value}${a.quote}`));
  return parts.includes(null) ? null : `<row${parts.join("")}${close}`;
}

const outcome = (fn: () => unknown) => {
  try {
    return { v: fn() };
  } catch (e) {
    return { refused: (e as Error).constructor.name };
  }
};

test("attrsInto gives what eachAttr gives for the names asked, and refuses what it refuses", () => {
  const wanted = ["r", "ht", "customHeight", "hidden"] as const;
  fc.assert(
    fc.property(fc.uniqueArray(attribute, { selector: (a) => a.name, maxLength: 9 }), fc.constantFrom(">", "/>", " >"), (attrs, close) => {
      const tag = tagOf(attrs, close);
      fc.pre(tag !== null);
      const open = () => {
        const sc = new XmlScanner(`${tag}${close === "/>" ? "" : "</row>"}`);
        sc.next();
        return sc;
      };
      const viaEach = outcome(() => {
        const got: Array<string | undefined> = [undefined, undefined, undefined, undefined];
        open().eachAttr((name, v) => {
          const k = (wanted as readonly string[]).indexOf(name);
          if (k >= 0 && got[k] === undefined) got[k] = v;
        });
        return got;
      });
      const viaInto = outcome(() => {
        const out: Array<string | undefined> = ["stale", "stale", "stale", "stale"];
        open().attrsInto(wanted, out);
        return out;
      });
      expect(viaInto).toEqual(viaEach);
    }),
    { numRuns: 5000 },
  );
});

test("an undeclared entity in an attribute the reader does not use is refused, as before: when the tag is met", () => {
  const sc = new XmlScanner('<row r="3" collapsed="&bogus;"></row>');
  expect(() => sc.next()).toThrow(/undeclared entity/);
  const ok = new XmlScanner('<row collapsed="a&amp;b" r="3" ht=\'12.5\'></row>');
  ok.next();
  const out: Array<string | undefined> = [undefined, undefined];
  ok.attrsInto(["r", "ht"], out);
  expect(out).toEqual(["3", "12.5"]);
  // A name written twice is not well formed, whether or not it is a name the reader uses.
  for (const tag of ['<row r="3" r="9">', '<row r="3" collapsed="1" collapsed="1">']) expect(() => new XmlScanner(`${tag}</row>`).next()).toThrow(/written twice/);
});

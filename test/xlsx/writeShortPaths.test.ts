// escapeText gives a text holding nothing to escape back as it is, and asUtf8 looks at a part's declaration alone: each held equal to the full work
// over generated texts (for escapeText, drawn from the characters it changes: &, <, >, _xHHHH_, the control characters XML
// cannot hold, U+FFFE/U+FFFF; and ordinary ones: Chinese, tab, line breaks, which XML holds).
import fc from "fast-check";
import { asUtf8, UTF16_DECLARED } from "../../src/xlsx/package/opc";
import { escapeAll, escapeAllAttr, escapeAttr, escapeText } from "../../src/xlsx/package/xml";

const piece = fc.constantFrom("&", "<", ">", "_x0041_", "_x00", "_", "x0041_", "\u0001", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\t", "\n", "\r", "说明", "a", "95%", " ", '"', "'");

test("the short path escapes as the full escape does", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }).map((p) => p.join("")), (s) => {
      expect(escapeText(s)).toBe(escapeAll(s));
      expect(escapeAttr(s)).toBe(escapeAllAttr(s));
    }),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => {
      expect(escapeText(s)).toBe(escapeAll(s));
      expect(escapeAttr(s)).toBe(escapeAllAttr(s));
    }),
    { numRuns: 3000 },
  );
});

test("a text with nothing to escape is the same string", () => {
  const s = "偏差原因：受政策调整影响，实际完成值低于年度指标值。\n第二行\t";
  expect(escapeText(s)).toBe(s);
  expect(escapeText("a_b")).toBe("a_b");
  expect(escapeText("_x0041_")).toBe("_x005F_x0041_");
});

test("a part's declaration saying UTF-16 says UTF-8: looked for in the declaration alone, as the expression over the whole text finds it", () => {
  const piece = fc.constantFrom("<?xml", "<?XML", " version=\"1.0\"", " encoding=", "\"UTF-16\"", "'utf-16le'", "\"UTF-16BE'", "UTF-8", "?>", ">", "<a>", " ", "\n", "x");
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 9 }).map((p) => p.join("")), (s) => {
      expect(asUtf8(s)).toBe(s.replace(UTF16_DECLARED, "$1$2UTF-8$2"));
    }),
    { numRuns: 5000 },
  );
  expect(asUtf8('<?xml version="1.0" encoding="UTF-16"?><a/>')).toBe('<?xml version="1.0" encoding="UTF-8"?><a/>');
});

// toHalfWidth held to its definition, character by character (full-width ！ to ～ become ! to ~, the
// ideographic space a space, every other code point as it stands), over text mixing them with the
// rest of Unicode: astral characters, lone surrogates, the code units just outside the range.
import fc from "fast-check";
import { headerKey, toHalfWidth } from "../../src/core/text";

function byDefinition(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

const unit = fc.oneof(
  fc.integer({ min: 0xff00, max: 0xff5f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u3000", "\u3001", "\u2fff", "（", "）", "，", "％", "～", "ｚ", "Ａ", "０", "\ud83d\ude00", "\ud83d", "\ude00", "完成", " ", "\n"),
  fc.string({ unit: "grapheme", maxLength: 3 }),
  fc.string({ unit: "binary", maxLength: 3 }),
);

test("toHalfWidth is its definition, character by character", () => {
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
      const s = parts.join("");
      expect(toHalfWidth(s)).toBe(byDefinition(s));
    }),
    { numRuns: 5000 },
  );
  expect(toHalfWidth("（１００％）ＡＢ\u3000ｃ～")).toBe("(100%)AB c~");
  const plain = "没有全角字符 plain";
  expect(toHalfWidth(plain)).toBe(plain);
});

test("header keys of full-width words read as their half-width words without white space", () => {
  expect(headerKey("分　值（％）")).toBe("分值(%)");
  expect(headerKey(" 一级\n指标 ")).toBe("一级指标");
});

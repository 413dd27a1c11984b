// heightNeeded counts a wrapped text's lines character by character; held here equal to the reading
// it replaced (the text split into paragraphs, each iterated by code points) over generated texts. A
// character's width (wide) is the module's own: what changed is how the text is walked.
import fc from "fast-check";
import { heightNeeded, lineHeight, wide } from "../../../src/core/print/geometry";

/** The paragraph-by-paragraph reading (src/core/print/geometry.ts before it counted in one pass). */
function referenceHeight(text: string, width: number, fontSize: number): number {
  const room = Math.max(width - 3, fontSize);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let line = 0;
    let n = 1;
    for (const ch of para) {
      const w = (wide(ch.codePointAt(0)!) ? 1 : 0.55) * fontSize;
      if (line + w > room && line > 0) {
        n++;
        line = 0;
      }
      line += w;
    }
    lines += n;
  }
  return lines * lineHeight(fontSize) + 2;
}

// Latin, CJK, full-width forms, line breaks of both kinds, a lone "\r", surrogate pairs and lone halves.
const piece = fc.constantFrom("a", "W", " ", "1", "中", "绩", "效", "，", "Ａ", "\n", "\r\n", "\r", "😀", "\ud83d", "\ude00", "가", "ᄀ", "…");
const text = fc.array(piece, { maxLength: 80 }).map((xs) => xs.join(""));

describe("heightNeeded", () => {
  it("equals the paragraph-by-paragraph reading over generated texts, widths and font sizes", () => {
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 400, noNaN: true }), fc.constantFrom(9, 10, 10.5, 11, 12, 14), (t, width, fs) => {
        expect(heightNeeded(t, width, fs)).toBe(referenceHeight(t, width, fs));
      }),
      { numRuns: 3000 },
    );
  });

  it("counts paragraphs and wrapped lines", () => {
    const fs = 11;
    const line = lineHeight(fs);
    expect(heightNeeded("", 100, fs)).toBe(line + 2);
    expect(heightNeeded("a\nb", 100, fs)).toBe(2 * line + 2);
    expect(heightNeeded("a\r\nb\r\n", 100, fs)).toBe(3 * line + 2);
    // Ten wide characters of 11 points in a column with room for about five: two lines.
    expect(heightNeeded("中".repeat(10), 5 * fs + 3, fs)).toBe(2 * line + 2);
    // A surrogate pair is one wide character, not two.
    expect(heightNeeded("😀".repeat(5), 5 * fs + 3, fs)).toBe(line + 2);
  });
});

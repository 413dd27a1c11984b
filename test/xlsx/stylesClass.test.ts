// The fill's Styles finds its cellXfs entries by their places in the part (one walk, a text made only
// of an entry a write copies), not as a text of each made when the part is opened: held here equal to
// the class before (test/xlsx/oracle/stylesClassBefore.ts) over generated parts and generated runs of
// what a fill asks of it — a style with a number format, with wrapping, a mark's colours, an edit
// begun again — each answer and the part it writes.
import fc from "fast-check";
import { Styles } from "../../src/xlsx/package/styles";
import { forgetTexts } from "../../src/xlsx/package/xml";
import { StylesBefore } from "./oracle/stylesClassBefore";
import { styles } from "./gen/stylesXml";

type Op = { kind: "format"; base: number; code: string } | { kind: "wrap"; base: number } | { kind: "dxf"; font: string; fill: string } | { kind: "mark" } | { kind: "back" };

const base = fc.oneof(fc.integer({ min: -1, max: 8 }), fc.constantFrom(Number.NaN, 0.5, 100));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("format" as const), base, code: fc.constantFrom("0.00", "0.00%", "General", "@", "0.000", 'yyyy"年"', "[Red]0.0") }),
  fc.record({ kind: fc.constant("wrap" as const), base }),
  fc.record({ kind: fc.constant("dxf" as const), font: fc.constantFrom("FF9C0006", "FF000000"), fill: fc.constantFrom("FFFFC7CE", "FFFFEB9C") }),
  fc.record({ kind: fc.constant("mark" as const) }),
  fc.record({ kind: fc.constant("back" as const) }),
);

/** The answers and the written part of a run of asks, or that it threw. */
function run(make: () => Styles | StylesBefore, ops: Op[]): unknown {
  try {
    const s = make();
    const answers: unknown[] = [];
    let back: (() => void) | null = null;
    for (const o of ops) {
      if (o.kind === "format") answers.push(s.withNumberFormat(o.base, o.code));
      else if (o.kind === "wrap") answers.push(s.withWrap(o.base));
      else if (o.kind === "dxf") answers.push(s.dxf(o.font, o.fill));
      else if (o.kind === "mark") back = s.mark();
      else back?.();
    }
    return { answers, changed: s.changed, text: s.text() };
  } catch (e) {
    return { threw: (e as Error).constructor.name };
  }
}

describe("Styles", () => {
  afterEach(() => forgetTexts());

  it("answers and writes as before over generated parts and runs of asks", () => {
    fc.assert(
      fc.property(styles, fc.array(op, { maxLength: 12 }), fc.boolean(), (xml, ops, known) => {
        forgetTexts();
        // A part the reader walked (known well-formed), and one opened afresh.
        if (known) run(() => new Styles(xml), []);
        const got = run(() => new Styles(xml), ops);
        forgetTexts();
        if (known) run(() => new StylesBefore(xml), []);
        const want = run(() => new StylesBefore(xml), ops);
        expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

// A finding's message is its rule's template with the placeholders filled (src/core/rules/types.ts),
// each template split once at its placeholders. Held here to the fill said plainly (each `{key}`
// replaced by its value, in each language its own text; a key without a value left as written),
// over generated templates and values.
import fc from "fast-check";
import { formatMessage, type Message, type MessageData } from "../../../src/core/rules/types";

function plain(template: Message, data: MessageData): Message {
  const fill = (lang: "zh" | "en") =>
    template[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = data[key];
      if (v === undefined) return whole;
      return typeof v === "object" ? v[lang] : String(v);
    });
  return { zh: fill("zh"), en: fill("en") };
}

const key = fc.constantFrom("cell", "row", "name", "value", "a_1", "x");
const piece = fc.oneof(
  key.map((k) => `{${k}}`),
  fc.constantFrom("第", "行“", "”", " ", "{", "}", "{}", "{ cell}", "$", "$&", "{{cell}}", "分", "%"),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(""));
const value = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.record({ zh: fc.string({ maxLength: 4 }), en: fc.string({ maxLength: 4 }) }),
  fc.constantFrom("$&", "$1", "{cell}"),
);

test("a message is its template filled as the plain fill fills it, in both languages", () => {
  fc.assert(
    fc.property(fc.record({ zh: text, en: text }), fc.dictionary(key, value), (template, data) => {
      expect(formatMessage(template, data)).toEqual(plain(template, data));
      // The same template filled again (its split kept) with other values.
      expect(formatMessage(template, {})).toEqual(plain(template, {}));
    }),
    { numRuns: 2000 },
  );
});

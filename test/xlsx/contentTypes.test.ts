import fc from "fast-check";
import { addContentType, addContentTypes, Package } from "../../src/xlsx/package/opc";
import { writeZip } from "../../src/xlsx/package/zip";

const COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const entry = fc.oneof(
  fc.record({ ext: fc.constantFrom("xml", "rels", "vml", "VML", "png"), type: fc.constantFrom(VML, "application/xml", COMMENTS) }).map((d) => `<Default Extension="${d.ext}" ContentType="${d.type}"/>`),
  fc.record({ part: fc.constantFrom("/xl/comments1.xml", "/XL/Comments1.xml", "/xl/drawings/vmlDrawing1.vml", "/xl/styles.xml"), type: fc.constantFrom(COMMENTS, VML, STYLES) }).map((o) => `<Override PartName="${o.part}" ContentType="${o.type}"/>`),
);
const part = fc.record({
  part: fc.constantFrom("xl/comments1.xml", "xl/comments2.xml", "xl/drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing2.vml", "xl/styles.xml"),
  type: fc.constantFrom(COMMENTS, VML, STYLES),
});

async function packageWith(types: string): Promise<Package> {
  return Package.open(writeZip([{ name: "[Content_Types].xml", data: new TextEncoder().encode(types), time: 0, date: 0x21 }]));
}

test("declaring several parts at once writes what declaring them one after the other writes", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 6 }), fc.array(part, { maxLength: 4 }), async (entries, parts) => {
      const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${entries.join("")}</Types>`;
      const one = await packageWith(types);
      for (const p of parts) await addContentType(one, p.part, p.type);
      const all = await packageWith(types);
      await addContentTypes(all, parts);
      expect(await all.read("[Content_Types].xml")).toBe(await one.read("[Content_Types].xml"));
      // Nothing declared anew: the part is not written at all.
      expect(all.changedParts).toEqual(one.changedParts);
    }),
    { numRuns: 300 },
  );
});

test("a notes drawing gets the vml Default once, its comments an Override", async () => {
  const pkg = await packageWith(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`);
  await addContentTypes(pkg, [
    { part: "xl/comments1.xml", type: COMMENTS },
    { part: "xl/drawings/vmlDrawing1.vml", type: VML },
    { part: "xl/drawings/vmlDrawing2.vml", type: VML },
  ]);
  expect(await pkg.read("[Content_Types].xml")).toBe(
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/comments1.xml" ContentType="${COMMENTS}"/><Default Extension="vml" ContentType="${VML}"/></Types>`,
  );
});

// addContentTypes keeps what it last wrote (the text, its entries, where its root ends) for the next
// call on the same package: a fill declares each sheet's notes in turn. Held equal to reading the part
// afresh before each call, with the part written by others in between (which the next call must read).
test("declaring part after part reads as reading the part afresh each time, with other writes between", async () => {
  const step = fc.oneof(
    part.map((p) => ({ kind: "declare" as const, ...p })),
    entry.map((e) => ({ kind: "edit" as const, e })),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 4 }), fc.array(step, { maxLength: 8 }), async (entries, steps) => {
      const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${entries.join("")}</Types>`;
      const kept = await packageWith(types);
      let text = types;
      for (const s of steps) {
        if (s.kind === "edit") {
          // Another writer's entry, put before the root's end tag.
          const edited = (await kept.read("[Content_Types].xml"))!.replace("</Types>", `${s.e}</Types>`);
          kept.write("[Content_Types].xml", edited);
          text = edited;
          continue;
        }
        await addContentType(kept, s.part, s.type);
        const fresh = await packageWith(text);
        await addContentType(fresh, s.part, s.type);
        text = (await fresh.read("[Content_Types].xml"))!;
        expect(await kept.read("[Content_Types].xml")).toBe(text);
      }
    }),
    { numRuns: 400 },
  );
});

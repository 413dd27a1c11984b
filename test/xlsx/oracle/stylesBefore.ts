// The reader's two readings of styles.xml as they were (each finding the root, then walking its
// children): the oracle test/xlsx/stylesRead.test.ts holds readStyles to.
import { attr, childrenOf, rootOf } from "../../../src/xlsx/package/xml";

const on = (v: string | undefined) => v === "1" || v === "true";

/** Each cellXfs entry's numFmtId, and the custom formats by id (src/xlsx/readPackage.ts styleFormats, resolved by its caller). */
export function styleFormatsBefore(xml: string): { formatIds: number[]; custom: Map<number, string> } {
  const root = rootOf(xml);
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  for (const c of childrenOf(xml, root)) {
    if (c.name === "numFmts") {
      for (const f of childrenOf(xml, c)) {
        const id = Number(attr(xml, f, "numFmtId"));
        const code = attr(xml, f, "formatCode");
        if (code !== undefined) custom.set(id, code);
      }
    }
  }
  for (const c of childrenOf(xml, root)) {
    if (c.name !== "cellXfs") continue;
    for (const x of childrenOf(xml, c)) {
      if (x.name !== "xf") continue;
      formatIds.push(Number(attr(xml, x, "numFmtId") ?? 0));
    }
  }
  return { formatIds, custom };
}

/** src/xlsx/package/layout.ts styleLayoutOf. */
export function styleLayoutBefore(xml: string): { wraps: boolean[]; fontSize: number } {
  const out = { wraps: [] as boolean[], fontSize: 11 };
  const root = rootOf(xml);
  for (const c of childrenOf(xml, root)) {
    if (c.name === "fonts") {
      const first = childrenOf(xml, c).find((f) => f.name === "font");
      const sz = first ? childrenOf(xml, first).find((k) => k.name === "sz") : undefined;
      const n = sz ? Number(attr(xml, sz, "val")) : NaN;
      if (n >= 1 && n <= 409) out.fontSize = n;
    }
    if (c.name === "cellXfs") {
      for (const x of childrenOf(xml, c)) {
        if (x.name !== "xf") continue;
        const a = x.selfClosing ? undefined : childrenOf(xml, x).find((k) => k.name === "alignment");
        out.wraps.push(a !== undefined && on(attr(xml, a, "wrapText")));
      }
    }
  }
  return out;
}

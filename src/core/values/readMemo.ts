import type { ParsedValue } from "./types";

/**
 * What a fill reads twice — the sheet before its writes, and as it will read after them — kept from
 * the first read for the second: each text's reading as a target or an actual, a function of the text
 * alone (and of the indicator's unit), so a cell the fill did not write reads the same from here as it
 * would again; a text not seen before is read as ever. One memo serves one sheet's fill and is let go
 * with it. It also keeps the first read's grid, whose merged areas and header keys (by cell, where the
 * cell reads as before) the second read's grid takes; header keys are not kept by text: looking one up
 * in a map cost more than making it again.
 *
 * The first read only records: it reads every cell as a check does. Within one read texts repeat on
 * generated forms (the bench's, where looking them up halved the read) but hardly on real ones (no
 * difference over the samples), so a fill is not made to look cheaper against a check than it is.
 */
export class ReadMemo {
  private serving = false;

  /** From now on, readings are given from the memo (the second read). */
  serve(): void {
    this.serving = true;
  }

  /** The grid the first read made of the sheet before the writes (the core's Grid, which imports this module: not named here). */
  private grid: object | undefined;

  /** A grid the first read made (the first it made is kept). */
  sawGrid(g: object): void {
    if (!this.serving) this.grid ??= g;
  }

  /** For the second read: the first read's grid, whose merged areas and keys a grid of the same sheet may take. */
  gridBefore(): object | undefined {
    return this.serving ? this.grid : undefined;
  }

  /** By tiers (an actual's reading) or not (a target's), then by the indicator's unit. */
  private readonly readings: [Map<string, Map<string, ParsedValue>>, Map<string, Map<string, ParsedValue>>] = [new Map(), new Map()];

  /** The text's reading, made by `read` (given the same three, so that no closure is made for each cell) where the memo has none to give. */
  reading(raw: string, nameUnit: string | undefined, tiers: boolean, read: (raw: string, nameUnit: string | undefined, tiers: boolean) => ParsedValue): ParsedValue {
    const byUnit = this.readings[tiers ? 1 : 0];
    const unit = nameUnit ?? "\u0000";
    let byText = byUnit.get(unit);
    if (byText === undefined) {
      byText = new Map();
      byUnit.set(unit, byText);
    }
    if (!this.serving) {
      const v = read(raw, nameUnit, tiers);
      if (!byText.has(raw)) byText.set(raw, Object.freeze({ ...v }));
      return v;
    }
    let v = byText.get(raw);
    if (v === undefined) {
      // Shared by every cell of the same text: never changed by those who are given it.
      v = Object.freeze(read(raw, nameUnit, tiers));
      byText.set(raw, v);
    }
    return v;
  }
}

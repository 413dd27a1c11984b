import type { ParsedValue } from "./types";

/**
 * What a fill reads twice — the sheet before its writes, and as it will read after them — kept from
 * the first read for the second: each text's reading as a target or an actual, a function of the text
 * alone (and of the indicator's unit), so a cell the fill did not write reads the same from here as it
 * would again; a text not seen before is read as ever. One memo serves one sheet's fill and is let go
 * with it. (Header keys are not kept: looking one up cost more than making it again.)
 */
export class ReadMemo {
  /** By tiers (an actual's reading) or not (a target's), then by the indicator's unit. */
  private readonly readings: [Map<string, Map<string, ParsedValue>>, Map<string, Map<string, ParsedValue>>] = [new Map(), new Map()];

  reading(raw: string, nameUnit: string | undefined, tiers: boolean, read: () => ParsedValue): ParsedValue {
    const byUnit = this.readings[tiers ? 1 : 0];
    const unit = nameUnit ?? "\u0000";
    let byText = byUnit.get(unit);
    if (byText === undefined) {
      byText = new Map();
      byUnit.set(unit, byText);
    }
    let v = byText.get(raw);
    if (v === undefined) {
      // Shared by every cell of the same text: never changed by those who are given it.
      v = Object.freeze(read());
      byText.set(raw, v);
    }
    return v;
  }
}

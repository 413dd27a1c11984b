import { ClientObject } from "../clientObject";
import { ClientCollection } from "../collection";
import { accessDenied, EmulatorError } from "../errors";
import type { RangeRef } from "../../core/address";
import { intersects, newId, type CfRule, type CfType, type SheetState } from "../state";
import type { EmuRequestContext } from "../context";
import type { RangeTarget } from "./targets";

const TYPES: readonly CfType[] = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

interface CfTarget {
  sheet: SheetState;
  id: string;
  /** The range of the collection the rule was reached through, if any. */
  via?: RangeRef;
}

function covers(outer: RangeRef, inner: RangeRef): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

const sameRef = (a: RangeRef, b: RangeRef) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

function sameRanges(a: CfRule, b: CfRule): boolean {
  return a.ranges.length === b.ranges.length && a.ranges.every((r, i) => sameRef(r, b.ranges[i]));
}

/**
 * office-js issue 5222: a rule reached through a collection of a larger range (the whole sheet)
 * cannot be addressed when another rule shares one of its cells: ItemNotFound.
 */
function checkAddressable(host: { knownBugs: boolean }, t: CfTarget, cf: CfRule): void {
  if (!host.knownBugs || !t.via) return;
  const larger = cf.ranges.some((r) => covers(t.via!, r) && !sameRef(r, t.via!));
  if (!larger) return;
  const shared = t.sheet.cfs.some((o) => o.id !== cf.id && o.ranges.some((a) => cf.ranges.some((b) => intersects(a, b))));
  if (shared) throw new EmulatorError("ItemNotFound", "Item Not Found.");
}

/**
 * office-js issues 6827 and 6835: a rule's rule and format cannot be read while another rule of the
 * same type applies to exactly the same ranges (a duplicated rule).
 */
function checkReadable(host: { knownBugs: boolean }, t: CfTarget, cf: CfRule): void {
  if (!host.knownBugs) return;
  if (t.sheet.cfs.some((o) => o.id !== cf.id && o.type === cf.type && sameRanges(o, cf))) {
    throw new EmulatorError("GeneralException", "An internal error has occurred.");
  }
}

function ruleOf(t: CfTarget): CfRule {
  const cf = t.sheet.cfs.find((c) => c.id === t.id);
  if (!cf) throw new EmulatorError("ItemNotFound", "The conditional format no longer exists.");
  return cf;
}

function guard(ctxHost: { _touch(): void }, sheet: SheetState, what: string): void {
  if (sheet.protected) throw accessDenied(sheet.name, what);
  ctxHost._touch();
}

type RangeMaker = (ctx: EmuRequestContext, resolve: () => RangeTarget | null) => ClientObject<RangeTarget>;
let makeRange: RangeMaker | null = null;

/** range.ts hands its class over: it makes this module's collections, so importing it back would be a circle. */
export function useRange(make: RangeMaker): void {
  makeRange = make;
}

/** Range.conditionalFormats: the rules that intersect the range (the whole sheet: all of them). */
export class ConditionalFormatCollection extends ClientCollection<RangeTarget, string, ConditionalFormat> {
  protected _keys(t: RangeTarget): string[] {
    return t.sheet.cfs.filter((cf) => cf.ranges.some((r) => intersects(r, t.ref))).map((cf) => cf.id);
  }

  protected _item(id: string): ConditionalFormat {
    const t = this._resolve()!;
    return new ConditionalFormat(this.context, () => ({ sheet: t.sheet, id, via: t.ref }), false, false);
  }

  /** Adds a rule on this range at the top priority. */
  add(type: CfType): ConditionalFormat {
    return new ConditionalFormat(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        if (!TYPES.includes(type)) throw new EmulatorError("InvalidArgument", `Unknown conditional format type ${type}.`);
        guard(this.context.host, t.sheet, "ConditionalFormatCollection.add");
        const cf: CfRule = { id: newId(this.context.host.state, "cf"), type, ranges: [{ ...t.ref }], formula: null, fill: null, font: null };
        t.sheet.cfs.unshift(cf);
        return { sheet: t.sheet, id: cf.id };
      },
      true,
    );
  }

  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const id = this._keys(t)[index];
      if (id === undefined) throw new EmulatorError("ItemNotFound", `No conditional format at index ${index}.`);
      const target = { sheet: t.sheet, id, via: t.ref };
      checkAddressable(this.context.host, target, ruleOf(target));
      return target;
    });
  }

  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      if (!t.sheet.cfs.some((c) => c.id === id)) throw new EmulatorError("ItemNotFound", `No conditional format ${id}.`);
      const target = { sheet: t.sheet, id, via: t.ref };
      checkAddressable(this.context.host, target, ruleOf(target));
      return target;
    });
  }

  /** Removes the rules that intersect the range (the emulator does not trim rules that reach beyond it). */
  clearAll(): void {
    this._queue((t) => {
      guard(this.context.host, t.sheet, "ConditionalFormatCollection.clearAll");
      const ids = new Set(this._keys(t));
      t.sheet.cfs = t.sheet.cfs.filter((c) => !ids.has(c.id));
    });
  }
}

export class ConditionalFormat extends ClientObject<CfTarget> {
  protected readonly _scalars = ["id", "type", "priority", "stopIfTrue"] as const;

  protected _read(t: CfTarget, prop: string): unknown {
    const cf = ruleOf(t);
    if (prop === "id") return cf.id;
    if (prop === "type") return cf.type;
    if (prop === "priority") return t.sheet.cfs.indexOf(cf);
    return false;
  }

  get id(): string {
    return this._get("id");
  }
  get type(): CfType {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }

  /** Only for a custom rule: anything else fails at sync (use customOrNullObject to probe). */
  get custom(): CustomConditionalFormat {
    return this._child("custom", () => new CustomConditionalFormat(this.context, () => this.customTarget(true), true));
  }

  get customOrNullObject(): CustomConditionalFormat {
    return this._child("customOrNullObject", () => new CustomConditionalFormat(this.context, () => this.customTarget(false), true));
  }

  private customTarget(strict: boolean): CfTarget | null {
    const t = this._resolve();
    if (!t) return null;
    if (ruleOf(t).type === "Custom") return t;
    if (strict) throw new EmulatorError("InvalidOperation", "The conditional format is not of the custom type.");
    return null;
  }

  delete(): void {
    this._queue((t) => {
      checkAddressable(this.context.host, t, ruleOf(t));
      guard(this.context.host, t.sheet, "ConditionalFormat.delete");
      t.sheet.cfs = t.sheet.cfs.filter((c) => c.id !== t.id);
    });
  }

  getRange(): ClientObject<RangeTarget> {
    return makeRange!(this.context, () => {
      const t = this._resolve();
      return t ? { sheet: t.sheet, ref: { ...ruleOf(t).ranges[0] } } : null;
    });
  }
}

class CustomConditionalFormat extends ClientObject<CfTarget> {
  protected readonly _scalars = [] as const;

  protected _read(): unknown {
    return undefined;
  }

  get rule(): ConditionalFormatRule {
    return this._child("rule", () => new ConditionalFormatRule(this.context, () => this._resolve(), true));
  }

  get format(): ConditionalRangeFormat {
    return this._child("format", () => new ConditionalRangeFormat(this.context, () => this._resolve(), true));
  }
}

class ConditionalFormatRule extends ClientObject<CfTarget> {
  protected readonly _scalars = ["formula", "formulaLocal"] as const;

  protected _read(t: CfTarget): unknown {
    const cf = ruleOf(t);
    checkReadable(this.context.host, t, cf);
    return cf.formula ?? "";
  }

  get formula(): string {
    return this._get("formula");
  }
  set formula(f: string) {
    this._queue((t) => {
      const cf = ruleOf(t);
      guard(this.context.host, t.sheet, "ConditionalFormatRule.formula");
      cf.formula = f;
    });
  }
}

class ConditionalRangeFormat extends ClientObject<CfTarget> {
  protected readonly _scalars = [] as const;

  protected _read(): unknown {
    return undefined;
  }

  get fill(): ColorPart {
    return this._child("fill", () => new ColorPart(this.context, () => this._resolve(), true, "fill"));
  }

  get font(): ColorPart {
    return this._child("font", () => new ColorPart(this.context, () => this._resolve(), true, "font"));
  }
}

/** ConditionalRangeFill / ConditionalRangeFont: the emulator keeps their color. */
class ColorPart extends ClientObject<CfTarget> {
  protected readonly _scalars = ["color"] as const;

  constructor(
    context: ConstructorParameters<typeof ClientObject>[0],
    resolver: () => CfTarget | null,
    nullable: boolean,
    private readonly part: "fill" | "font",
  ) {
    super(context, resolver, nullable);
  }

  protected _read(t: CfTarget): unknown {
    const cf = ruleOf(t);
    checkReadable(this.context.host, t, cf);
    return cf[this.part];
  }

  get color(): string {
    return this._get("color");
  }
  set color(c: string) {
    this._queue((t) => {
      const cf = ruleOf(t);
      guard(this.context.host, t.sheet, `ConditionalRange${this.part}.color`);
      cf[this.part] = c.toUpperCase();
    });
  }
}

import { ClientObject } from "../clientObject";
import { ClientCollection } from "../collection";
import { accessDenied, EmulatorError } from "../errors";
import { intersects, newId, type CfRule, type CfType, type SheetState } from "../state";
import { Range, type RangeTarget } from "./range";

const TYPES: readonly CfType[] = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

interface CfTarget {
  sheet: SheetState;
  id: string;
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

/** Range.conditionalFormats: the rules that intersect the range (the whole sheet: all of them). */
export class ConditionalFormatCollection extends ClientCollection<RangeTarget, string, ConditionalFormat> {
  protected _keys(t: RangeTarget): string[] {
    return t.sheet.cfs.filter((cf) => cf.ranges.some((r) => intersects(r, t.ref))).map((cf) => cf.id);
  }

  protected _item(id: string): ConditionalFormat {
    const t = this._resolve()!;
    return new ConditionalFormat(this.context, () => ({ sheet: t.sheet, id }), false, false);
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
      return { sheet: t.sheet, id };
    });
  }

  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      if (!t.sheet.cfs.some((c) => c.id === id)) throw new EmulatorError("ItemNotFound", `No conditional format ${id}.`);
      return { sheet: t.sheet, id };
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
      ruleOf(t);
      guard(this.context.host, t.sheet, "ConditionalFormat.delete");
      t.sheet.cfs = t.sheet.cfs.filter((c) => c.id !== t.id);
    });
  }

  getRange(): Range {
    return new Range(this.context, () => {
      const t = this._resolve();
      return t ? { sheet: t.sheet, ref: { ...ruleOf(t).ranges[0] } } : null;
    });
  }
}

export class CustomConditionalFormat extends ClientObject<CfTarget> {
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

export class ConditionalFormatRule extends ClientObject<CfTarget> {
  protected readonly _scalars = ["formula", "formulaLocal"] as const;

  protected _read(t: CfTarget): unknown {
    return ruleOf(t).formula ?? "";
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

export class ConditionalRangeFormat extends ClientObject<CfTarget> {
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
export class ColorPart extends ClientObject<CfTarget> {
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
    return ruleOf(t)[this.part];
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

import { toA1 } from "../../core/address";
import { ClientObject } from "../clientObject";
import { accessDenied, EmulatorError } from "../errors";
import type { ValidationData } from "../state";
import type { RangeTarget } from "./targets";

const NO_PROMPT = { showPrompt: false, title: "", message: "" };

function cellsOf(t: RangeTarget): string[] {
  const out: string[] = [];
  for (let r = t.ref.top; r <= t.ref.bottom; r++) for (let c = t.ref.left; c <= t.ref.right; c++) out.push(toA1(r, c));
  return out;
}

/** The one validation every cell of the range shares: undefined for none, "mixed" when they differ. */
function common(t: RangeTarget): ValidationData | undefined | "mixed" {
  const all = cellsOf(t).map((a) => t.sheet.validations.get(a));
  const first = JSON.stringify(all[0] ?? null);
  return all.every((v) => JSON.stringify(v ?? null) === first) ? all[0] : "mixed";
}

/** Range.dataValidation (ExcelApi 1.8). The emulator knows list rules; others keep their type. */
export class DataValidation extends ClientObject<RangeTarget> {
  protected readonly _scalars = ["type", "rule", "prompt", "ignoreBlanks"] as const;

  protected _read(t: RangeTarget, prop: string): unknown {
    const v = common(t);
    switch (prop) {
      case "type":
        return v === "mixed" ? "Inconsistent" : v ? v.type : "None";
      case "rule":
        return v === "mixed" || !v ? {} : v.list ? { list: { ...v.list } } : { [v.type.charAt(0).toLowerCase() + v.type.slice(1)]: {} };
      case "prompt":
        return v === "mixed" || !v ? { ...NO_PROMPT } : { ...v.prompt };
      default:
        return true;
    }
  }

  get type(): string {
    return this._get("type");
  }
  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this._queue((t) => {
      if (t.sheet.protected) throw accessDenied(t.sheet.name, "DataValidation.rule");
      if (!rule.list) throw new EmulatorError("InvalidArgument", "The emulator supports list validation rules only.");
      const source = typeof rule.list.source === "string" ? rule.list.source : "";
      this.context.host._touch();
      for (const a of cellsOf(t)) {
        const prev = t.sheet.validations.get(a);
        t.sheet.validations.set(a, { type: "List", list: { source, inCellDropDown: rule.list.inCellDropDown ?? true }, prompt: prev?.prompt ?? { ...NO_PROMPT } });
      }
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  /** Sets the input message of the cells that have a validation (the emulator ignores the others). */
  set prompt(p: Excel.DataValidationPrompt) {
    this._queue((t) => {
      if (t.sheet.protected) throw accessDenied(t.sheet.name, "DataValidation.prompt");
      this.context.host._touch();
      for (const a of cellsOf(t)) {
        const v = t.sheet.validations.get(a);
        if (v) v.prompt = { showPrompt: p.showPrompt ?? false, title: p.title ?? "", message: p.message ?? "" };
      }
    });
  }

  clear(): void {
    this._queue((t) => {
      if (t.sheet.protected) throw accessDenied(t.sheet.name, "DataValidation.clear");
      this.context.host._touch();
      for (const a of cellsOf(t)) t.sheet.validations.delete(a);
    });
  }
}

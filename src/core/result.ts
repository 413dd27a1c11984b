import type { Form, FormKind } from "./forms/model";
import type { Finding } from "./rules/types";
import type { Evaluation } from "./scoring/evaluation";
import type { Figures } from "./scoring/figureTypes";
import type { Settings } from "./settings";

/** What the engine answers for one sheet (engine.ts makes it; hosts and families read it). */
export interface SheetResult {
  sheet: string;
  kind: FormKind;
  form: Form | null;
  evaluations: Evaluation[];
  figures: Figures | null;
  findings: Finding[];
  settings: Settings;
  /** The workbook hides the sheet: checked as any other, and the hosts say it is hidden. */
  hidden?: boolean;
}

import type { ParsedValue, Tier } from "../values/types";
import type { NumberRead } from "../numbers";
import type { Trait } from "./traits";

export type FormKind = "self-evaluation" | "self-evaluation-legacy" | "targets" | "department-self-evaluation" | "none";

/** A cell the engine may look at, with what it read there. */
export interface NumCell extends NumberRead {
  address: string;
}

export interface TextCell {
  address: string;
  text: string;
  formula: string | null;
  /** It holds only white space: no text to read, but typed, so never written over. */
  typed?: boolean;
}

export interface Indicator {
  row: number;
  level1: string;
  level2: string;
  name: string;
  nameCell: string;
  /** The target as written (composed from 指标性质 | 指标值 | 计量单位 when split). */
  targetText: string;
  targetCell: string;
  target: ParsedValue;
  actualText: string;
  actualCell: string | null;
  actual: ParsedValue | null;
  weight: NumCell | null;
  score: NumCell | null;
  /** 得分系数 (Chongqing, RULES-2 §8.3), in percent: the score is the weight times it. */
  coefficient?: NumCell | null;
  /**
   * Where a form has an explicit adjusted column (调整指标值) and it is filled, the target is the
   * adjusted one and this is the original (年初指标值) beside it.
   */
  initialTarget?: { text: string; cell: string; parsed: ParsedValue };
  /** 偏差原因分析 (self-evaluation) or 备注 (legacy). */
  reason: TextCell | null;
  /** Legacy: the section weight printed in the first-level label, "投入与管理 (36分)". */
  sectionWeight?: number;
  sectionCell?: string;
  /**
   * Hubei: the block the row belongs to, 年度绩效目标1（40分）, whose label states the points of its rows,
   * which have no weight of their own (RULES-2 §9.3).
   */
  block?: { weight: number; cell: string; label: string };
}

export interface FundsRow {
  label: string;
  row: number;
  labelCell: string;
  initial: NumCell | null;
  budget: NumCell | null;
  executed: NumCell | null;
  weight: NumCell | null;
  rate: NumCell | null;
  score: NumCell | null;
  /** 原因 (Sichuan): why the execution rate is below the line (RULES-2 §9.2). */
  reason?: TextCell | null;
}

export interface FundsBlock {
  unit: "万元" | "元" | "";
  total: FundsRow;
  parts: FundsRow[];
  /** The budget weight a label states where there is no 分值 cell: 预算执行情况（20分）, 得分（20分*执行率）. */
  labelWeight?: number | null;
  /**
   * The parts in their breakdowns, each adding up to the total: one breakdown on a project form;
   * 按收入性质分 and 按支出性质分 on a department-wide form.
   */
  groups?: FundsRow[][];
}

export interface TotalRow {
  row: number;
  labelCell: string;
  weight: NumCell | null;
  score: NumCell | null;
}

export interface GradeCell {
  address: string;
  text: string;
  formula: string | null;
}

export interface FormBase {
  /**
   * The tier bands a form prints (Hubei's 备注: 达成预期指标 100%–80%, 部分达成 80%–50%, 未达成 50%–0%),
   * which take precedence over 财预〔2020〕10号's (RULES-2 §9.3); as shares of the weight.
   */
  tierBands?: Record<Tier, { lo: number; hi: number; suggest: number }> | null;
  /** 项目名称 as the form states it (the cell right of its label), for matching a declaration. */
  projectName?: string | null;
  /** 主管部门 and 实施单位 as the form states them, for the reviewer's summary. */
  department?: string | null;
  implementer?: string | null;
  /**
   * Hubei's one reason row for the whole form, 偏差大或目标未完成原因分析 (RULES-2 §9.3), where the
   * indicator table has no reason column.
   */
  formReason?: TextCell | null;
  /**
   * Texts a form may limit in length (RULES-2 §9.2): 年度目标完成情况, 评价结论, 存在问题, 改进措施, with
   * the limit the label prints ("（200字以内）"), if any.
   */
  limitedTexts?: Array<{ label: string; cell: TextCell; printedLimit: number | null }>;
  /**
   * The table has no level columns (Chongqing's, Tianjin's department-wide tables): the project
   * form's first levels (产出 / 效益) and its satisfaction indicator are not asked of it.
   */
  unlevelled?: boolean;
  /**
   * Figure cells (total, grade, budget rate and score) holding a formula whose result is unknown: none
   * stored, or a stale one, and beyond the engine's evaluator. Not checked; formula-unchecked says so.
   */
  uncheckedFormulas?: string[];
  /** What its family has (src/core/forms/traits.ts), which decides the rules that run on it. */
  traits: readonly Trait[];
  headerRow: number;
  /** The 一级指标 header cell: where form-wide findings point. */
  headerCell: string;
  firstRow: number;
  lastRow: number;
  indicators: Indicator[];
  total: TotalRow | null;
  grade: GradeCell | null;
}

export interface SelfEvaluationForm extends FormBase {
  kind: "self-evaluation";
  funds: FundsBlock | null;
}

export interface LegacyForm extends FormBase {
  kind: "self-evaluation-legacy";
  budget: NumCell | null;
  executed: NumCell | null;
  statedRate: NumCell | null;
  /** 主要问题: a filled one explains the deductions of every row (RULES §5). */
  problems: TextCell | null;
}

export interface TargetsForm extends FormBase {
  kind: "targets";
  /** 2020: 投入与管理 / 产出目标 / 效果目标 / 影响力目标; 2024: 成本 / 产出 / 效益 / 满意度指标. */
  edition: "2020" | "2024";
}

/**
 * 部门整体支出绩效自评表 (RULES-2 §8): `funds` is the MOF-style layout (a funds block with its
 * breakdowns, then the project form's indicator table); `coefficient` Chongqing's (执行率权重, 得分系数,
 * 自评总分 at the top, no reasons, no grade); `framework` the scoring-framework table (评分标准 | 分值 |
 * 自评得分 | 扣分原因, sections labelled with their points, no budget score).
 */
export interface DepartmentForm extends FormBase {
  kind: "department-self-evaluation";
  layout: "funds" | "coefficient" | "framework";
  /** Coefficient layout: the 得分系数 head says （%）, so its cells are percents. */
  coefficientPercentHead?: boolean;
  funds: FundsBlock | null;
}

export type Form = SelfEvaluationForm | LegacyForm | TargetsForm | DepartmentForm;

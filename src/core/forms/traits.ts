/**
 * What a form family has, stated once by the family (its `traits`) and carried by every form it
 * reads; a rule states the traits it requires, and runs on every family that has them all. A new
 * family gets the rules its traits call for without a rule being touched.
 */
export type Trait =
  /** Each indicator is scored (得分 / 自评分), and the scores add up to a total. */
  | "scores"
  /** Each indicator carries its weight (分值 / 权重). */
  | "weights"
  /** Each indicator states what was achieved (实际完成值), scored against its target. */
  | "actuals"
  /** Each indicator states its target value (指标值). */
  | "targets"
  /** A funds block (年度资金总额 and its parts): budget, spending, execution rate, budget score. */
  | "budget"
  /** A grade (评分等级 / 绩效等级) follows from the total. */
  | "grade"
  /** A row that misses its target is explained (偏差原因分析, 备注, a form-wide reason row). */
  | "reasons"
  /** Texts whose length the form limits (年度目标完成情况, 评价结论 …). */
  | "limitedTexts"
  /** The first levels are weighted 50 / 30 / 10 as 财预〔2020〕10号 recommends. */
  | "weightSplit"
  /** A declaration of targets (绩效目标表): nothing scored yet. */
  | "declaration"
  /** The legacy form's stated budget, spending and execution rate, and its 主要问题. */
  | "legacyRate"
  /** Scores may be 指标权重 × 得分系数 (Chongqing's department-wide layout). */
  | "coefficients";

export const hasTrait = (form: { traits: readonly Trait[] }, trait: Trait): boolean => form.traits.includes(trait);

/** Whether a family with `traits` has every trait in `required`. */
export const hasAll = (traits: readonly Trait[], required: readonly Trait[]): boolean => required.every((t) => traits.includes(t));

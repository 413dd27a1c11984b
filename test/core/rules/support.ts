/**
 * Shared helpers for the rule, form and scoring tests: building forms of the three families,
 * running the engine on them and picking findings out of the result.
 */
import { parseA1, toA1 } from "../../../src/core/address";
import { analyzeSheet, type SheetResult } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/rules/types";
import type { SettingsInput } from "../../../src/core/settings";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { buildSelfEval, standardIndicators, type BuiltForm, type IndicatorSpec, type SelfEvalSpec } from "../../builders/selfEval";
import { SheetBuilder } from "../../builders/sheet";

export { buildSelfEval, standardIndicators, SheetBuilder };
export type { BuiltForm, IndicatorSpec, SelfEvalSpec };

/**
 * The plain form of the builder, worked out by hand: funds 100 / 100 / 98.5 → rate 98.50, score
 * 9.85; indicator weights 20+20+10+20+10+10 = 90, all met / 达成, scored in full → total
 * 9.85 + 90 = 99.85, grade 优 (≥ 90). Weight split 50/30/10 as recommended.
 */
export const PLAIN_TOTAL = 99.85;

export function plainSpec(over: Partial<SelfEvalSpec> = {}): SelfEvalSpec {
  return { indicators: standardIndicators(), total: PLAIN_TOTAL, grade: "优", ...over };
}

/** standardIndicators() with some rows patched (by index). */
export function indicatorsWith(patch: Record<number, Partial<IndicatorSpec>>): IndicatorSpec[] {
  return standardIndicators().map((ind, i) => ({ ...ind, ...(patch[i] ?? {}) }));
}

export interface Run {
  built: BuiltForm;
  snap: SheetSnapshot;
  result: SheetResult;
}

export function run(spec: SelfEvalSpec, settings?: SettingsInput): Run {
  const built = buildSelfEval(spec);
  const snap = built.builder.toSnapshot();
  return { built, snap, result: analyzeSheet(snap, settings) };
}

export const withCode = (r: SheetResult, code: string): Finding[] => r.findings.filter((f) => f.code === code);
export const errorsOf = (r: SheetResult): string[] => r.findings.filter((f) => f.severity === "error").map((f) => `${f.code}@${f.cell}`);
export const codesOf = (r: SheetResult): string[] => r.findings.map((f) => f.code);

/** Exactly one finding with this code; returns it for further checks. */
export function single(r: SheetResult, code: string): Finding {
  const fs = withCode(r, code);
  if (fs.length !== 1) {
    throw new Error(`expected one ${code}, got ${fs.length}: ${JSON.stringify(r.findings.map((f) => [f.code, f.cell, f.message.zh]))}`);
  }
  return fs[0];
}

/** The row of a cell address ("H19" → 19). */
export const rowOfCell = (a1: string): number => parseA1(a1).row;

/** The cell at `a1` in a snapshot. */
export function valueAt(s: SheetSnapshot, a1: string): CellValue {
  const { row, col } = parseA1(a1);
  return s.values[row - s.origin.row]?.[col - s.origin.col] ?? null;
}

export function formulaAt(s: SheetSnapshot, a1: string): string | null {
  const { row, col } = parseA1(a1);
  return s.formulas[row - s.origin.row]?.[col - s.origin.col] ?? null;
}

/** A copy of the snapshot with one cell replaced (value, displayed text, format, formula). */
export function setCell(
  s: SheetSnapshot,
  a1: string,
  value: CellValue,
  opts: { text?: string; format?: string; formula?: string | null } = {},
): SheetSnapshot {
  const { row, col } = parseA1(a1);
  const i = row - s.origin.row;
  const j = col - s.origin.col;
  const copy: SheetSnapshot = {
    ...s,
    values: s.values.map((r) => [...r]),
    text: s.text.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
  };
  if (i < 0 || j < 0 || i >= copy.values.length || j >= copy.values[i].length) throw new Error(`setCell ${a1} outside the grid`);
  copy.values[i][j] = value;
  copy.text[i][j] = opts.text ?? (value === null ? "" : String(value));
  if (opts.format !== undefined) copy.numberFormats[i][j] = opts.format;
  if (opts.formula !== undefined) copy.formulas[i][j] = opts.formula;
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Legacy form (项目绩效自我评价), laid out like test/fixtures/samples/legacy/gongxiangjiaohuan.xlsx
// ---------------------------------------------------------------------------------------------

export interface LegacyRow {
  name: string;
  explain?: string;
  weight: CellValue;
  score: CellValue;
  note?: string;
}

export interface LegacySection {
  label: string;
  rows: LegacyRow[];
}

export interface LegacySpec {
  budget?: CellValue;
  executed?: CellValue;
  /** 预算执行率（%）as stored: the seed keeps it as the text "98.00%". */
  rate?: CellValue;
  rateFormat?: string;
  grade?: CellValue;
  problems?: CellValue;
  sections?: LegacySection[];
  totalWeight?: CellValue;
  totalScore?: CellValue;
}

export interface BuiltLegacy {
  builder: SheetBuilder;
  headerRow: number;
  /** Row of each indicator, in order over all sections. */
  rows: number[];
  sectionCells: string[];
  weightCell: (i: number) => string;
  scoreCell: (i: number) => string;
  noteCell: (i: number) => string;
  totalWeightCell: string;
  totalScoreCell: string;
  gradeCell: string;
  rateCell: string;
  problemsCell: string;
}

/**
 * Seed 004 (共享交换平台, 2019): 30,750,000 / 30,243,000 元 (98.35%, stated "98.00%"), four sections
 * 36 + 34 + 15 + 15 = 100, two unused placeholder rows (no 权重, 自评分 0), scores adding up to 91 (优秀).
 */
export function legacySections(): LegacySection[] {
  return [
    {
      label: "投入与管理 (36分)",
      rows: [
        { name: "资金使用的合规性", weight: 6, score: 6 },
        { name: "绩效目标合理性", weight: 8, score: 8 },
        { name: "项目设立的规范性", weight: 5, score: 5 },
        { name: "预算执行率", weight: 8, score: 8 },
        { name: "财务（资产）管理制度的健全性和执行的有效性", weight: 5, score: 5 },
        { name: "项目管理制度的健全性和执行的有效性", weight: 4, score: 4 },
      ],
    },
    {
      label: "产出目标 (34分)",
      rows: [
        { name: "完成率", weight: null, score: 0 },
        { name: "一网通办数据按需共享", weight: 20, score: 18 },
        { name: "各接入单位满意度", weight: 7, score: 6 },
        { name: "及时性", weight: 7, score: 6 },
      ],
    },
    {
      label: "效果目标 (15分)",
      rows: [
        { name: "增加政务信息整合度", weight: 8, score: 7 },
        { name: "提高政府服务透明度", weight: null, score: 0 },
        { name: "创新服务模式", weight: 7, score: 5 },
      ],
    },
    {
      label: "影响力目标 (15分)",
      rows: [
        { name: "长效管理制度建设", weight: 5, score: 5 },
        { name: "实现全市政务数据汇集和共享", weight: 10, score: 8 },
      ],
    },
  ];
}

export function buildLegacy(spec: LegacySpec = {}): BuiltLegacy {
  const b = new SheetBuilder("Sheet1");
  b.set(1, 1, "项目绩效自我评价").merge("A1:F1");
  b.set(2, 1, "项目名称：").set(2, 2, "上海市数据共享交换平台").merge("B2:C2").set(2, 4, "预算单位：").set(2, 5, "上海市大数据中心").merge("E2:F2");
  b.set(3, 1, "具体实施处（科室）：").set(3, 2, "数据资源部").merge("B3:C3").set(3, 4, "是否为经常性项目：").set(3, 5, "否").merge("E3:F3");
  b.set(4, 1, "当年预算数（元）：").set(4, 2, spec.budget === undefined ? 30750000 : spec.budget, { format: "#,##0.00" }).merge("B4:C4");
  b.set(4, 4, "上年预算金额（元）：").set(4, 5, 0, { format: "#,##0.00" }).merge("E4:F4");
  b.set(5, 1, "预算执行数（元）：").set(5, 2, spec.executed === undefined ? 30243000 : spec.executed, { format: "#,##0.00" }).merge("B5:C5");
  b.set(5, 4, "预算执行率（%）：").set(5, 5, spec.rate === undefined ? "98.00%" : spec.rate, spec.rateFormat ? { format: spec.rateFormat } : {}).merge("E5:F5");
  b.set(6, 1, "项目年度总目标：").set(6, 2, "（略）").merge("B6:F6");
  b.set(7, 1, "自评时间：").merge("B7:F7");
  b.set(8, 1, "绩效等级：").set(8, 2, spec.grade === undefined ? "优秀" : spec.grade).merge("B8:F8");
  b.set(9, 1, "主要绩效：").set(9, 2, "（略）").merge("B9:F9");
  b.set(10, 1, "主要问题：").set(10, 2, spec.problems === undefined ? "（略）" : spec.problems).merge("B10:F10");
  b.set(11, 1, "改进措施：").set(11, 2, "（略）").merge("B11:F11");
  const headerRow = 13;
  ["一级指标", "指标名称", "指标解释", "权重", "自评分", "备注"].forEach((h, i) => b.set(headerRow, i + 1, h));
  const rows: number[] = [];
  const sectionCells: string[] = [];
  let r = headerRow + 1;
  for (const s of spec.sections ?? legacySections()) {
    const start = r;
    b.set(r, 1, s.label);
    sectionCells.push(toA1(r, 1));
    for (const row of s.rows) {
      b.set(r, 2, row.name);
      if (row.explain !== undefined) b.set(r, 3, row.explain);
      b.set(r, 4, row.weight).set(r, 5, row.score);
      if (row.note !== undefined) b.set(r, 6, row.note);
      rows.push(r);
      r++;
    }
    if (r - 1 > start) b.merge(`A${start}:A${r - 1}`);
  }
  b.set(r, 1, "合计").set(r, 4, spec.totalWeight === undefined ? 100 : spec.totalWeight).set(r, 5, spec.totalScore === undefined ? 91 : spec.totalScore);
  const totalRow = r;
  b.set(r + 2, 1, "说明：1、依据本项目应实现的绩效目标或工作计划，对照已完成的情况，进行绩效自评。");
  b.set(r + 3, 1, "2、绩效等级说明：自评分合计90（含）-100分为优秀，75（含）-90分为良好，60（含）-75分为合格，0-60分为不合格。");
  return {
    builder: b,
    headerRow,
    rows,
    sectionCells,
    weightCell: (i) => toA1(rows[i], 4),
    scoreCell: (i) => toA1(rows[i], 5),
    noteCell: (i) => toA1(rows[i], 6),
    totalWeightCell: toA1(totalRow, 4),
    totalScoreCell: toA1(totalRow, 5),
    gradeCell: "B8",
    rateCell: "E5",
    problemsCell: "B10",
  };
}

export function runLegacy(spec: LegacySpec = {}, settings?: SettingsInput): { built: BuiltLegacy; snap: SheetSnapshot; result: SheetResult } {
  const built = buildLegacy(spec);
  const snap = built.builder.toSnapshot();
  return { built, snap, result: analyzeSheet(snap, settings) };
}

/** Legacy sections with one row (by index over all sections, placeholders included) patched. */
export function legacyWith(patch: Record<number, Partial<LegacyRow>>): LegacySection[] {
  let i = 0;
  return legacySections().map((s) => ({ ...s, rows: s.rows.map((row) => ({ ...row, ...(patch[i++] ?? {}) })) }));
}

// ---------------------------------------------------------------------------------------------
// Target declarations (绩效目标表 2020 / 绩效目标申报表 2024), laid out like test/fixtures/samples/targets
// ---------------------------------------------------------------------------------------------

export interface TargetRow {
  l1: string;
  l2: string;
  name: string;
  target: CellValue;
}

export interface BuiltTargets {
  builder: SheetBuilder;
  headerRow: number;
  targetCell: (i: number) => string;
}

export function buildTargets(edition: "2020" | "2024", rows: TargetRow[], opts: { valueHeader?: string } = {}): BuiltTargets {
  const b = new SheetBuilder(edition === "2020" ? "绩效目标表" : "目标申报表");
  b.set(1, 1, edition === "2020" ? "财政项目支出绩效目标表" : "财政项目支出绩效目标申报表").merge("A1:D1");
  b.set(2, 1, `（${edition}年度）`).merge("A2:D2");
  b.set(3, 1, "项目名称").set(3, 2, "门户网站管理").merge("B3:D3");
  b.set(4, 1, "实施单位").set(4, 2, "上海市松江区大数据中心").merge("B4:D4");
  b.set(5, 1, "项目资金总额（元）").set(5, 2, 526000, { format: "#,##0.00" }).merge("B5:D5");
  const headerRow = 7;
  const words = edition === "2020" ? ["一级目标", "二级目标", "三级目标", "指标目标值"] : ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值"];
  if (opts.valueHeader) words[3] = opts.valueHeader;
  words.forEach((w, i) => b.set(headerRow, i + 1, w));
  let prev = "";
  let start = headerRow + 1;
  rows.forEach((row, i) => {
    const r = headerRow + 1 + i;
    if (row.l1 !== prev) {
      if (i > 0 && r - 1 > start) b.merge(`A${start}:A${r - 1}`);
      b.set(r, 1, row.l1);
      start = r;
      prev = row.l1;
    }
    b.set(r, 2, row.l2).set(r, 3, row.name).set(r, 4, row.target);
  });
  const last = headerRow + rows.length;
  if (last > start) b.merge(`A${start}:A${last}`);
  return { builder: b, headerRow, targetCell: (i) => toA1(headerRow + 1 + i, 4) };
}

/** The 2024 rows of seed 003 (门户网站管理). */
export function targets2024(): TargetRow[] {
  return [
    { l1: "成本指标", l2: "经济成本指标", name: "成本合理性", target: "合理" },
    { l1: "产出指标", l2: "数量指标", name: "门户网站测评数", target: "≥42.00(家)" },
    { l1: "产出指标", l2: "时效指标", name: "网络问题处理及时率", target: "≥90.00(%)" },
    { l1: "效益指标", l2: "社会效益指标", name: "网推新闻知晓率", target: "≥90.00(%)" },
    { l1: "满意度指标", l2: "服务对象满意度指标", name: "民众满意度", target: "≥90.00(%)" },
  ];
}

/** Rows of seed 000 (2020 target table). */
export function targets2020(): TargetRow[] {
  return [
    { l1: "投入与管理", l2: "投入管理", name: "预算资金到位率", target: "=100%" },
    { l1: "产出目标", l2: "数量", name: "系统故障率", target: "=0" },
    { l1: "产出目标", l2: "时效", name: "设施设备采购及时率（%）", target: "=100" },
    { l1: "效果目标", l2: "社会效益", name: "信息公开实现率", target: "规范" },
    { l1: "效果目标", l2: "满意度", name: "工作人员满意度", target: "≥90%" },
    { l1: "影响力目标", l2: "长效管理", name: "年度维护成本增长率", target: "=0" },
  ];
}

export function runTargets(edition: "2020" | "2024", rows: TargetRow[], opts: { valueHeader?: string } = {}) {
  const built = buildTargets(edition, rows, opts);
  const snap = built.builder.toSnapshot();
  return { built, snap, result: analyzeSheet(snap) };
}

// ---------------------------------------------------------------------------------------------
// Forms for the rule tables (ruleTester.ts): the sheet snapshot alone
// ---------------------------------------------------------------------------------------------

/** The plain self-evaluation form with `over` applied (rows 13–18; D target, E actual, F weight, G score, H reason; G6 rate, H6 budget score, G19 total, F20 grade). */
export const formOf = (over: Partial<SelfEvalSpec> = {}): SheetSnapshot => buildSelfEval(plainSpec(over)).builder.toSnapshot();

/** The plain form with one or more indicator rows patched (by index, 0 = row 13). */
export const formWithRows = (patch: Record<number, Partial<IndicatorSpec>>, over: Partial<SelfEvalSpec> = {}): SheetSnapshot =>
  formOf({ indicators: indicatorsWith(patch), ...over });

export const legacyForm = (spec: LegacySpec = {}): SheetSnapshot => buildLegacy(spec).builder.toSnapshot();

export const targetsForm = (edition: "2020" | "2024", rows: TargetRow[]): SheetSnapshot => buildTargets(edition, rows).builder.toSnapshot();

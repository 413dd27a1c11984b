/**
 * The cross-check against the declared targets (RULES-2 §10): a triggering case and a near miss for
 * each code, and the differences of writing that are not changes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeSheet } from "../../src/core/engine";
import { crossCheck, crossCheckPairs, projectKey, sameTarget, withCrossChecks } from "../../src/core/crossCheck";
import { resolveSettings } from "../../src/core/settings";
import { readTarget } from "../../src/core/values/readValue";
import { chongqing, ROWS } from "../builders/chongqing";
import { buildSelfEval, buildTargets, plainSpec, standardIndicators, valueAt, type TargetRow } from "./rules/support";

const settings = resolveSettings({});
const t = (text: string) => readTarget({ value: text, text, numberFormat: "General" });

/** The declaration the builder's plain self-evaluation was made from (project 测试项目). */
function declaration(patch: (rows: TargetRow[]) => TargetRow[] = (r) => r) {
  const rows = patch(standardIndicators().map((i) => ({ l1: i.l1, l2: i.l2, name: i.name, target: i.target })));
  const built = buildTargets("2024", rows);
  built.builder.set(3, 2, "测试项目");
  return { built, result: analyzeSheet(built.builder.toSnapshot()) };
}

function selfEval(patch: (spec: ReturnType<typeof plainSpec>) => void = () => undefined) {
  const spec = plainSpec();
  patch(spec);
  const built = buildSelfEval(spec);
  return { built, result: analyzeSheet(built.builder.toSnapshot()) };
}

describe("writing that is not a change", () => {
  test.each([
    ["≥12000件", "≥12,000件"],
    ["4小时以内", "≤4小时"],
    ["≥95%", "95%以上"],
    ["≥95%", "不低于95%"],
    ["≤260万元", "≤2,600,000元"],
    ["有效提升", "有效 提升"],
  ])("%s and %s", (a, b) => expect(sameTarget(t(a), t(b))).toBe(true));

  test.each([
    ["≥12000件", "≥1200件"],
    ["≥95%", ">95%"],
    ["≤4小时", "≤4天"],
    ["有效提升", "明显提升"],
    ["≥90%", "90%"],
  ])("near misses: %s and %s differ", (a, b) => expect(sameTarget(t(a), t(b))).toBe(false));

  test("a split target (指标性质 | 指标值 | 度量单位) is the same as the target in one cell", () => {
    const d = declaration();
    const s = selfEval((spec) => void (spec.splitTarget = true));
    // The target is spread over three cells (≥ | 25.00 | 项), the declaration has it in one.
    const value = valueAt(s.built.builder.toSnapshot(), s.result.form!.indicators[0].targetCell);
    expect(String(value)).not.toContain("≥");
    expect(crossCheck(d.result, s.result, settings)).toEqual({ declared: [], stated: [] });
  });
});

test("target-changed: at the self-evaluation's target cell, with both values; a warning by default, an error if set", () => {
  const d = declaration();
  const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
  const f = crossCheck(d.result, s.result, settings);
  expect(f.declared).toEqual([]);
  expect(f.stated.map((x) => [x.code, x.cell, x.severity])).toEqual([["target-changed", s.result.form!.indicators[0].targetCell, "warning"]]);
  expect(f.stated[0].message.zh).toContain("年度指标值为“≥20.00(项)”，绩效目标表申报的是“≥25.00(项)”");
  expect(crossCheck(d.result, s.result, { ...settings, crossCheckSeverity: "error" }).stated[0].severity).toBe("error");
});

test("a target lowered so that a missed one reads as met: the message gives the score under the declared target (RULES-2 §11.2)", () => {
  const d = declaration();
  const s = selfEval((spec) => {
    spec.indicators[0].target = "≥20.00(项)";
    spec.indicators[0].actual = "22.00(项)";
  });
  const f = crossCheck(d.result, s.result, settings).stated;
  expect(f.map((x) => x.code)).toEqual(["target-changed"]);
  // 20 × 22 / 25 = 17.60.
  expect(f[0].message.zh).toContain("按申报的指标值，实际 22.00(项) 未完成目标，按申报值建议得分 17.60（分值 20.00）。");
});

test("near miss: a changed target the actual meets either way says nothing more", () => {
  const d = declaration();
  const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
  expect(crossCheck(d.result, s.result, settings).stated[0].message.zh).not.toContain("按申报的指标值");
});

test("indicator-removed at the declared target cell; indicator-added at the self-evaluation's row", () => {
  const d = declaration((rows) => [...rows, { l1: "产出指标", l2: "数量指标", name: "培训场次", target: "≥4场" }]);
  const s = selfEval((spec) => void (spec.indicators[1].name = "验收通过率"));
  const f = crossCheck(d.result, s.result, settings);
  const removed = f.declared.map((x) => `${x.code}@${x.cell}`);
  expect(removed).toEqual([`indicator-removed@${d.built.targetCell(1)}`, `indicator-removed@${d.built.targetCell(6)}`]);
  expect(f.stated.map((x) => `${x.code}@${x.cell}`)).toEqual([`indicator-added@${s.result.form!.indicators[1].nameCell}`]);
});

test("near miss: the same indicators in another order, another level or with full-width punctuation are matched", () => {
  const d = declaration((rows) => [...rows].reverse().map((r, i) => (i === 0 ? { ...r, l1: "成本指标", name: `${r.name}（）` } : r)));
  const s = selfEval();
  expect(crossCheck(d.result, s.result, settings)).toEqual({ declared: [], stated: [] });
});

describe("which sheets are compared", () => {
  test("the same project, normalised (spaces, full width, a leading project code)", () => {
    expect(projectKey("51000021R000000019951-门户网站 管理")).toBe(projectKey("门户网站管理"));
    expect(projectKey("ＡＢＣ项目")).toBe("ABC项目");
  });

  test("a declaration of another project is not compared", () => {
    const d = declaration();
    d.built.builder.set(3, 2, "另一个项目");
    const other = analyzeSheet(d.built.builder.toSnapshot());
    const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
    expect(crossCheckPairs([{ source: "a", result: other }, { source: "b", result: s.result }])).toEqual([]);
  });

  test("findings go to the sheets they concern, sorted in", () => {
    const d = declaration((rows) => rows.slice(0, 5));
    const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
    const [dd, ss] = withCrossChecks([{ source: "目标.xlsx", result: d.result }, { source: "自评.xlsx", result: s.result }], settings);
    expect(dd.findings.map((f) => f.code)).toEqual(d.result.findings.map((f) => f.code));
    expect(ss.findings.filter((f) => ["target-changed", "indicator-added"].includes(f.code)).map((f) => f.code)).toEqual(["target-changed", "indicator-added"]);
  });
});

describe("the command compares what it checks together", () => {
  test("two files: jixiao check 目标表.xlsx 自评表.xlsx", async () => {
    const { runCli } = await import("../cli/run");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cross-"));
    const d = declaration();
    const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
    fs.writeFileSync(path.join(dir, "目标表.xlsx"), await d.built.builder.toBuffer());
    fs.writeFileSync(path.join(dir, "自评表.xlsx"), await s.built.builder.toBuffer());
    const r = await runCli(["check", path.join(dir, "目标表.xlsx"), path.join(dir, "自评表.xlsx"), "--json", "-q"]);
    const doc = JSON.parse(r.out) as { files: Array<{ sheets: Array<{ findings: Array<{ code: string; cell: string; severity: string }> }> }> };
    expect(doc.files[1].sheets[0].findings.filter((f) => f.code === "target-changed")).toEqual([
      expect.objectContaining({ cell: s.result.form!.indicators[0].targetCell, severity: "warning" }),
    ]);
    // Only a warning: the exit status is the one without it.
    expect(r.code).toBe(0);
    const strict = await runCli(["check", path.join(dir, "目标表.xlsx"), path.join(dir, "自评表.xlsx"), "--cross-check", "error", "-q"]);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain("[target-changed]");
    // One file alone is compared with nothing.
    const alone = await runCli(["check", path.join(dir, "自评表.xlsx"), "--json", "-q"]);
    expect(alone.out).not.toContain("target-changed");
  });

  test("--mark and --fix mark the differences in the copies too (the cross-check comes after every file is read)", async () => {
    const { runCli } = await import("../cli/run");
    const JSZipLib = (await import("jszip")).default;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cross-marks-"));
    const d = declaration();
    const s = selfEval((spec) => void (spec.indicators[0].target = "≥20.00(项)"));
    fs.writeFileSync(path.join(dir, "目标表.xlsx"), await d.built.builder.toBuffer());
    fs.writeFileSync(path.join(dir, "自评表.xlsx"), await s.built.builder.toBuffer());
    const cell = s.result.form!.indicators[0].targetCell;
    /** The copy's notes and the cells its marks cover. */
    const copyOf = async (file: string) => {
      const zip = await JSZipLib.loadAsync(fs.readFileSync(file));
      const names = Object.keys(zip.files);
      const comments = await Promise.all(names.filter((n) => /comments\d*\.xml$/.test(n)).map((n) => zip.files[n].async("string")));
      const sheets = await Promise.all(names.filter((n) => /worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.files[n].async("string")));
      return { comments: comments.join(""), sqrefs: sheets.flatMap((x) => [...x.matchAll(/<conditionalFormatting sqref="([^"]+)"/g)].map((m) => m[1])) };
    };
    for (const flag of ["--mark", "--fix"]) {
      const out = path.join(dir, flag.slice(2));
      const r = await runCli(["check", path.join(dir, "目标表.xlsx"), path.join(dir, "自评表.xlsx"), flag, "--out", out, "-q"]);
      expect(r.code).toBeLessThan(2);
      const copy = await copyOf(path.join(out, `自评表.${flag === "--fix" ? "filled" : "marked"}.xlsx`));
      expect(copy.sqrefs).toContain(cell);
      expect(copy.comments).toContain("绩效目标表申报的是");
    }
    // The built command too, whose files go through worker threads.
    const built = path.join(__dirname, "..", "..", "dist", "cli", "jixiao.js");
    const { spawnSync } = await import("node:child_process");
    const viaWorkers = path.join(dir, "workers");
    spawnSync(process.execPath, [built, "check", path.join(dir, "目标表.xlsx"), path.join(dir, "自评表.xlsx"), "--mark", "--out", viaWorkers, "-q"]);
    expect((await copyOf(path.join(viaWorkers, "自评表.marked.xlsx"))).sqrefs).toContain(cell);
    // Near miss: checked alone, the copy has no such mark.
    const alone = path.join(dir, "alone.xlsx");
    await runCli(["check", path.join(dir, "自评表.xlsx"), "--mark", "--out", alone, "-q"]);
    const lone = await copyOf(alone);
    expect(lone.sqrefs).not.toContain(cell);
    expect(lone.comments).not.toContain("绩效目标表申报的是");
  });

  test("two sheets of one workbook", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { checkWorkbook } = await import("../../src/xlsx/checkWorkbook");
    const { runCli } = await import("../cli/run");
    const wb = new ExcelJS.Workbook();
    declaration((rows) => rows.slice(0, 5)).built.builder.addTo(wb);
    selfEval().built.builder.addTo(wb);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cross-")), "项目.xlsx");
    await wb.xlsx.writeFile(file);
    expect((await checkWorkbook(file)).sheets.map((x) => x.kind)).toEqual(["targets", "self-evaluation"]);
    const r = await runCli(["check", file, "--json", "-q"]);
    const doc = JSON.parse(r.out) as { files: Array<{ sheets: Array<{ findings: Array<{ code: string }> }> }> };
    expect(doc.files[0].sheets[1].findings.map((f) => f.code)).toContain("indicator-added");
  });
});

describe("an adjustment the form shows in its 调整指标值 column (RULES-2 §10.3)", () => {
  const declared = () => {
    const rows: TargetRow[] = ROWS.map((r) => ({ l1: "产出指标", l2: "数量指标", name: r.name, target: `${r.initial}${r.unit}` }));
    return analyzeSheet(buildTargets("2024", rows).builder.toSnapshot());
  };

  test("年初指标值 as declared, 调整指标值 beside it: a notice at the adjusted cell, not target-changed", () => {
    const f = crossCheck(declared(), analyzeSheet(chongqing().toSnapshot()), settings).stated;
    expect(f.map((x) => [x.code, x.severity, x.cell])).toEqual([["target-adjusted", "info", "E10"]]);
    expect(f[0].message.zh).toContain("由申报的“≥90%”调整为“≥85(%)”");
  });

  test("near miss: a 年初指标值 that is not the declared one is target-changed at that cell", () => {
    const rows = ROWS.map((r, i) => (i === 1 ? { ...r, initial: "≥88" } : r));
    const f = crossCheck(declared(), analyzeSheet(chongqing({ rows }).toSnapshot()), settings).stated;
    expect(f.map((x) => [x.code, x.severity, x.cell])).toEqual([["target-changed", "warning", "D10"]]);
  });

  test("near miss: with 调整指标值 empty everywhere and targets as declared, nothing", () => {
    const rows = ROWS.map((r) => ({ ...r, adjusted: undefined }));
    expect(crossCheck(declared(), analyzeSheet(chongqing({ rows }).toSnapshot()), settings).stated).toEqual([]);
  });
});

describe("limits (issue 15 §5): the cross-check is linear in indicators and in sheets", () => {
  test("50,000 indicators of one name on each side, and 5,000 sheets of 2,500 projects, compare in moments", () => {
    const n = 50_000;
    const ind = (row: number, target: string) => ({ row, name: "同名指标", nameCell: `C${row}`, targetCell: `D${row}`, targetText: target, target: t(target) });
    const TRAITS: Record<string, string[]> = { targets: ["targets", "declaration"], "self-evaluation": ["scores", "weights", "actuals", "targets"] };
    const form = (kind: string, inds: unknown[]) => ({ kind, traits: TRAITS[kind], projectName: "大项目", indicators: inds });
    const declared = { sheet: "目标", form: form("targets", Array.from({ length: n }, (_, i) => ind(i + 2, "≥1(项)"))), evaluations: [], findings: [] } as unknown as Parameters<typeof crossCheck>[0];
    const stated = { sheet: "自评", form: form("self-evaluation", Array.from({ length: n }, (_, i) => ind(i + 2, i % 2 ? "≥1(项)" : "≥2(项)"))), evaluations: [], findings: [] } as unknown as Parameters<typeof crossCheck>[1];
    const t0 = Date.now();
    const r = crossCheck(declared, stated, settings);
    expect(r.stated.filter((f) => f.code === "target-changed")).toHaveLength(n / 2);
    expect(r.declared).toEqual([]);
    const sheets = Array.from({ length: 5000 }, (_, i) => ({ source: `f${i}.xlsx`, result: { ...(i % 2 ? declared : stated), form: { ...(i % 2 ? declared : stated).form!, projectName: `项目${i >> 1}`, indicators: [] } } }));
    expect(crossCheckPairs(sheets as never)).toHaveLength(2500);
    // Quadratic matching took minutes here (138 s on one workbook); linear takes well under a second.
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

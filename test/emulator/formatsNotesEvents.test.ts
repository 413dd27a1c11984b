import { markFormula } from "../../src/core/plan";
import { dumpSheet, fromExcelJs, toExcelJs, type EmulatedExcel } from "../../src/emulator";
import { tinyWorkbook } from "./load";

function host(opts = {}): EmulatedExcel {
  return fromExcelJs(
    tinyWorkbook((ws) => {
      ws.getCell("A1").value = 5;
      ws.getCell("H25").value = null;
      ws.addConditionalFormatting({
        ref: "A1:A3",
        rules: [{ type: "cellIs", operator: "greaterThan", formulae: ["3"], priority: 1, style: { font: { color: { argb: "FF0000FF" } } } } as never],
      });
      ws.getCell("B1").note = "用户的批注";
    }, "绩效自评表"),
    opts,
  );
}

async function addMark(h: EmulatedExcel, cell: string, formula: string): Promise<void> {
  await h.run(async (ctx) => {
    const cf = ctx.workbook.worksheets.getActiveWorksheet().getRange(cell).conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = "#FFC7CE";
    cf.custom.format.font.color = "#9C0006";
    await ctx.sync();
  });
}

describe("conditional formats", () => {
  test("added at the top, listed with their type, counted, deleted", async () => {
    const h = host();
    await addMark(h, "H25", markFormula("H25", "blank"));
    const listed = await h.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats;
      cfs.load("items/type, items/priority");
      const count = cfs.getCount();
      await ctx.sync();
      const custom = cfs.items[0].custom;
      custom.rule.load("formula");
      custom.format.fill.load("color");
      await ctx.sync();
      return { types: cfs.items.map((i) => i.type), count: count.value, formula: custom.rule.formula, fill: custom.format.fill.color };
    });
    expect(listed).toEqual({ types: ["Custom", "CellValue"], count: 2, formula: '=AND(N("jixiao")=0,LEN(TRIM(H25))=0)', fill: "#FFC7CE" });

    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange().conditionalFormats.getItemAt(0).delete();
      await ctx.sync();
    });
    expect(h.sheet("绩效自评表").cfs.map((c) => c.type)).toEqual(["CellValue"]);
  });

  test("a range's collection holds only the rules that touch it", async () => {
    const h = host();
    await addMark(h, "H25", "=TRUE");
    const n = await h.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getActiveWorksheet().getRange("H20:H30").conditionalFormats.getCount();
      await ctx.sync();
      return c.value;
    });
    expect(n).toBe(1);
  });

  test("reading the custom part of a rule of another type fails; customOrNullObject gives a null object", async () => {
    const h = host();
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").conditionalFormats.getItemAt(0).custom.rule.load("formula");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    const isNull = await h.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").conditionalFormats.getItemAt(0).customOrNullObject;
      c.load();
      await ctx.sync();
      return c.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("the add-in's three rule shapes show while the problem stands", async () => {
    const h = host();
    await addMark(h, "H25", markFormula("H25", "blank-or-draft"));
    await addMark(h, "H26", markFormula("H26", "blank"));
    await addMark(h, "H27", markFormula("H27", "static"));
    expect(h.displayFormat("绩效自评表", "H25")).toMatchObject({ fill: "#FFC7CE" });
    h.userEdit("绩效自评表", "H25", "【待补充原因】目标 50，实际 10。");
    expect(h.displayFormat("绩效自评表", "H25")).not.toBeNull();
    h.userEdit("绩效自评表", "H25", "因疫情影响，现场活动取消。");
    expect(h.displayFormat("绩效自评表", "H25")).toBeNull();
    h.userEdit("绩效自评表", "H26", "   ");
    expect(h.displayFormat("绩效自评表", "H26")).not.toBeNull();
    h.userEdit("绩效自评表", "H26", 4);
    expect(h.displayFormat("绩效自评表", "H26")).toBeNull();
    h.userEdit("绩效自评表", "H27", "随便");
    expect(h.displayFormat("绩效自评表", "H27")).not.toBeNull();
  });

  test("a protected sheet refuses a new rule", async () => {
    const h = host();
    h.setProtected("绩效自评表", true);
    await expect(addMark(h, "H25", "=TRUE")).rejects.toMatchObject({ code: "AccessDenied" });
    expect(h.sheet("绩效自评表").cfs).toHaveLength(1);
  });
});

describe("notes (ExcelApi 1.18)", () => {
  test("added, read by cell, deleted; a cell holds one note", async () => {
    const h = host();
    const out = await h.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getActiveWorksheet().notes;
      notes.add("H25", "【绩效自评助手】缺少偏差原因");
      const user = notes.getItemOrNullObject("B1");
      const none = notes.getItemOrNullObject("C9");
      user.load("content");
      none.load("content");
      notes.load("items/content");
      await ctx.sync();
      return { user: user.content, none: none.isNullObject, all: notes.items.map((n) => n.content) };
    });
    expect(out).toEqual({ user: "用户的批注", none: true, all: ["用户的批注", "【绩效自评助手】缺少偏差原因"] });
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().notes.add("B1", "again");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().notes.getItem("H25").delete();
      await ctx.sync();
    });
    expect([...h.sheet("绩效自评表").notes.keys()]).toEqual(["B1"]);
  });

  test("missing before 1.18", async () => {
    const h = host({ apiVersion: "1.17" });
    await expect(
      h.run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().notes.load("items");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("data validation (ExcelApi 1.8)", () => {
  test("a list rule with a prompt, read back, cleared", async () => {
    const h = host();
    const read = await h.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getActiveWorksheet().getRange("E20").dataValidation;
      dv.load("type");
      await ctx.sync();
      const before = dv.type;
      dv.rule = { list: { inCellDropDown: true, source: "达成指标,部分达成指标并具有一定效果" } };
      dv.prompt = { showPrompt: true, title: "完成等级", message: "请选择" };
      dv.load("type, rule, prompt");
      await ctx.sync();
      return { before, type: dv.type, rule: dv.rule, prompt: dv.prompt };
    });
    expect(read).toEqual({
      before: "None",
      type: "List",
      rule: { list: { inCellDropDown: true, source: "达成指标,部分达成指标并具有一定效果" } },
      prompt: { showPrompt: true, title: "完成等级", message: "请选择" },
    });
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("E20").dataValidation.clear();
      await ctx.sync();
    });
    expect(h.sheet("绩效自评表").validations.size).toBe(0);
  });
});

describe("change events", () => {
  test("onChanged fires after a sync that changed cells, with the trigger source (1.14) and details (1.9)", async () => {
    const h = host();
    const seen: Array<Record<string, unknown>> = [];
    const reg = await h.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e as unknown as Record<string, unknown>));
      await ctx.sync();
      return r;
    });
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.getRange("C3").values = [[1]];
      s.getRange("C4").numberFormat = [["0.00"]];
      await ctx.sync();
      expect(seen).toHaveLength(0);
    });
    h.userEdit("绩效自评表", "D4", "x");
    await h.flushEvents();
    expect(seen.map((e) => [e.address, e.triggerSource, (e.details as { valueAfter: unknown }).valueAfter])).toEqual([
      ["C3", "ThisLocalAddin", 1],
      ["D4", "Unknown", "x"],
    ]);
    await h.run(reg.context as never, async (ctx: Excel.RequestContext) => {
      reg.remove();
      await ctx.sync();
    });
    h.userEdit("绩效自评表", "D5", "y");
    await h.flushEvents();
    expect(seen).toHaveLength(2);
  });

  test("before 1.14 the event does not say who made the change", async () => {
    const h = host({ apiVersion: "1.13" });
    const seen: unknown[] = [];
    await h.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().onChanged.add(async (e) => void seen.push(e.triggerSource));
      await ctx.sync();
      ctx.workbook.worksheets.getActiveWorksheet().getRange("C3").values = [[1]];
      await ctx.sync();
    });
    await h.flushEvents();
    expect(seen).toEqual([undefined]);
  });
});

describe("ExcelJS round trip", () => {
  test("what the add-in writes survives export and import", async () => {
    const h = host();
    await addMark(h, "H25", markFormula("H25", "blank"));
    await h.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.getRange("G13").values = [[9.5]];
      s.getRange("G13").numberFormat = [["0.00"]];
      s.notes.add("H25", "【绩效自评助手】缺少偏差原因");
      s.getRange("E20").dataValidation.rule = { list: { inCellDropDown: true, source: "达成指标,未达成指标且效果较差" } };
      await ctx.sync();
    });
    const again = fromExcelJs(await toExcelJs(h));
    expect(again.state.sheets.map(dumpSheet)).toEqual(h.state.sheets.map(dumpSheet));
    expect(again.displayFormat("绩效自评表", "H25")).not.toBeNull();
  });
});

import { fromExcelJs, installEmulator } from "../../src/emulator";
import { sampleWorkbook } from "./setup";

const SHEET = "绩效自评表";

describe("ribbon commands on the emulator installed as the global Excel", () => {
  test("checkSheet marks, fillSheet fills, both complete the event; they are registered for the manifest", async () => {
    const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
    const office = installEmulator(host);
    try {
      const commands = await import("../../src/commands/commands");
      expect([...office.actions.keys()].sort()).toEqual(["checkSheet", "fillSheet"]);
      expect((globalThis as Record<string, unknown>).fillSheet).toBe(commands.fillSheet);

      const completed = jest.fn();
      await commands.checkSheet({ completed } as unknown as Office.AddinCommands.Event);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(host.sheet(SHEET).cfs.length).toBeGreaterThan(0);
      expect(host.cell(SHEET, "G13").value).toBeNull();

      await commands.fillSheet({ completed } as unknown as Office.AddinCommands.Event);
      expect(completed).toHaveBeenCalledTimes(2);
      expect(host.cell(SHEET, "G13").value).toBe(10);
    } finally {
      office.uninstall();
    }
  });

  test("when Excel fails, the event is still completed", async () => {
    const host = fromExcelJs(await sampleWorkbook("selfeval-defects/blank-scores.xlsx"));
    const office = installEmulator(host);
    try {
      const commands = await import("../../src/commands/commands");
      host.setEditMode(true);
      const completed = jest.fn();
      await commands.fillSheet({ completed } as unknown as Office.AddinCommands.Event);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(host.cell(SHEET, "G13").value).toBeNull();
      office.uninstall();
      await commands.checkSheet({ completed } as unknown as Office.AddinCommands.Event);
      expect(completed).toHaveBeenCalledTimes(2);
    } finally {
      office.uninstall();
    }
  });
});

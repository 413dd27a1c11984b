import type { EmulatedExcel } from "./host";

/** The enums the add-in or a page may read from the global Excel namespace. */
const ENUMS = {
  ConditionalFormatType: {
    custom: "Custom",
    dataBar: "DataBar",
    colorScale: "ColorScale",
    iconSet: "IconSet",
    topBottom: "TopBottom",
    presetCriteria: "PresetCriteria",
    containsText: "ContainsText",
    cellValue: "CellValue",
  },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    apiNotFound: "ApiNotFound",
    generalException: "GeneralException",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
  },
  EventSource: { local: "Local", remote: "Remote" },
  EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
  DataValidationType: { none: "None", list: "List", custom: "Custom", inconsistent: "Inconsistent" },
};

export interface InstalledOffice {
  /** Functions registered through Office.actions.associate (ribbon commands). */
  actions: Map<string, (event: unknown) => unknown>;
  uninstall(): void;
}

/**
 * Make the emulator the global Excel (and a minimal Office: requirements, actions.associate,
 * onReady) for the playground or for code that reads the globals.
 */
export function installEmulator(host: EmulatedExcel): InstalledOffice {
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  const actions = new Map<string, (event: unknown) => unknown>();
  g.Excel = { ...ENUMS, run: host.run };
  g.Office = {
    HostType: { Excel: "Excel" },
    context: { requirements: { isSetSupported: host.isSetSupported }, host: "Excel" },
    actions: { associate: (name: string, fn: (event: unknown) => unknown) => void actions.set(name, fn) },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
  };
  return {
    actions,
    uninstall() {
      g.Excel = before.Excel;
      g.Office = before.Office;
    },
  };
}

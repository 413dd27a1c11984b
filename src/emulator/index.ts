export { EmulatedExcel, type HostOptions, type ChangeRecord } from "./host";
export { EmuRequestContext } from "./context";
export { EmulatorError } from "./errors";
export { fromExcelJs, fromXlsx, toExcelJs } from "./excelJs";
export { installEmulator } from "./install";
export { dumpSheet, toSnapshot } from "./snapshot";
export { UnsupportedFormula } from "./formula";

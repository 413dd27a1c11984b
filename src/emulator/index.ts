export { CDN_OFFICE_JS, EmulatedExcel, NPM_OFFICE_JS, PAYLOAD_LIMIT, type ChangeRecord, type HostOptions, type LibraryFeatures } from "./host";
export { EmuRequestContext } from "./context";
export { EmulatorError } from "./errors";
export { fromExcelJs, fromXlsx, toExcelJs } from "./excelJs";
export { COMMAND_LIMIT_MS, installEmulator, type Dispatch, type EmulatedDialog, type InstalledOffice, type InstallOptions } from "./install";
export { dumpSheet, toSnapshot } from "./snapshot";
export { UnsupportedFormula } from "../core/formula";

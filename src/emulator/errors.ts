/**
 * Errors as Office.js reports them: an object named "RichApi.Error" with a `code` from
 * `Excel.ErrorCodes` (or "PropertyNotLoaded", raised on the client before any round trip).
 */
type EmulatorErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "UndoNotSupported";

export class EmulatorError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string): EmulatorError {
  return new EmulatorError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function accessDenied(sheet: string, what: string): EmulatorError {
  return new EmulatorError(
    "AccessDenied",
    `The cell or chart you're trying to change is on a protected sheet (${sheet}).`,
    what,
  );
}

export function apiNotFound(api: string, set: string): EmulatorError {
  return new EmulatorError("ApiNotFound", `The API you are trying to use could not be found (${api}, ExcelApi ${set}).`, api);
}

/** The host contract the Office.js adapter implements (src/host/actions.ts), as the adapter names it. */
export type { ActionOptions, ActionOutcome, AddinActions, OutcomeAction, Scope, SheetOutcome } from "../host/actions";

import type { RangeRef } from "../../core/address";
import type { SheetState } from "../state";

/** A range as the host resolves it: a sheet and a rectangle. */
export interface RangeTarget {
  sheet: SheetState;
  ref: RangeRef;
}

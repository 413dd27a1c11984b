import type { Finding } from "./rules/types";

/**
 * Findings counted by severity. A module of its own: the command's main thread counts what its
 * workers found without loading the engine (its rules and readers are the workers').
 */
export function countBySeverity(findings: Finding[]): Record<"error" | "warning" | "info", number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

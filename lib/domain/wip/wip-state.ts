/** How a column stands against its WIP settings; drives the header colour and the move rule. */
export type WipState = "ok" | "at-limit" | "over-limit" | "under-minimum";

export function wipState(count: number, policy: "none" | "soft" | "hard", min: number | null, max: number | null): WipState {
  if (policy !== "none" && max !== null) {
    if (count > max) return "over-limit";
    if (count === max) return "at-limit";
  }
  if (min !== null && count < min) return "under-minimum";
  return "ok";
}

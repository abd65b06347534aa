// Dependency edge vocabulary shared with beads (`bd`).

/** Edge types that decide readiness; every other type only annotates. */
export const READINESS_EDGE_TYPES = ["blocks", "conditional-blocks", "waits-for", "parent-child"] as const;
export type ReadinessEdgeType = (typeof READINESS_EDGE_TYPES)[number];

/** Annotation types beads knows about; unknown strings are kept verbatim, so this list is not a gate. */
export const ANNOTATION_EDGE_TYPES = [
  "related",
  "discovered-from",
  "relates-to",
  "replies-to",
  "duplicates",
  "supersedes",
  "tracks",
  "caused-by",
  "validates",
  "until",
  "authored-by",
  "assigned-to",
  "approved-by",
] as const;

/** Input spellings that mean the same edge as a canonical type. */
const EDGE_TYPE_ALIASES: Readonly<Record<string, string>> = { "blocked-by": "blocks" };

/** Canonical spelling of an edge type: aliases resolved, whitespace trimmed, anything else verbatim. */
export function normaliseEdgeType(type: string): string {
  const trimmed = type.trim();
  return EDGE_TYPE_ALIASES[trimmed] ?? trimmed;
}

export function isReadinessEdgeType(type: string): type is ReadinessEdgeType {
  return (READINESS_EDGE_TYPES as readonly string[]).includes(normaliseEdgeType(type));
}

/**
 * Edge metadata as an object. beads stores it as a JSON string in its export while
 * Gateboard keeps objects, so both arrive here; anything unparsable counts as absent.
 */
export function parseEdgeMetadata(metadata: unknown): Record<string, unknown> | null {
  let value = metadata;
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  return null;
}

export type WaitsForGate = "all-children" | "any-children";

/** The fan-out gate of a waits-for edge; beads defaults to waiting for all children. */
export function waitsForGate(metadata: unknown): WaitsForGate {
  return parseEdgeMetadata(metadata)?.gate === "any-children" ? "any-children" : "all-children";
}

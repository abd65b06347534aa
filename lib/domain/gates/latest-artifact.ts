import type { GateArtifact } from "./gate-evidence";

/** The newest artifact of a kind; on equal or unreadable times the one recorded last wins. */
export function latestArtifact(artifacts: readonly GateArtifact[], kind: string): GateArtifact | undefined {
  let latest: GateArtifact | undefined;
  let latestTime = Number.NEGATIVE_INFINITY;
  for (const artifact of artifacts) {
    if (artifact.kind !== kind) continue;
    const time = Date.parse(artifact.createdAt);
    const comparable = Number.isNaN(time) ? latestTime : time;
    if (latest === undefined || comparable >= latestTime) {
      latest = artifact;
      latestTime = comparable;
    }
  }
  return latest;
}

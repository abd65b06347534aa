/** How a person, agent or Gateboard itself is named on the ticket screen. */
export function actorName(actor: { kind: string; id: string; name: string | null }): string {
  return actor.name ?? `${actor.kind} ${actor.id.slice(0, 8)}`;
}

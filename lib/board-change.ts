// One change to a board as the live stream sends it (client-safe).
export type BoardChange = {
  seq: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  after: unknown;
  actor: { kind: string; id: string };
};

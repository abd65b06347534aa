import { describe, expect, it } from "vitest";
import { buildAuditWhere } from "./audit-filter";

describe("audit filter", () => {
  it("maps each filter onto its column", () => {
    expect(buildAuditWhere({ entity: "ticket", entityId: "gb-1", actor: "u1", action: "ticket.moved", boardId: "b1" })).toEqual({
      entityType: "ticket", entityId: "gb-1", actorId: "u1", action: "ticket.moved", boardId: "b1",
    });
    expect(buildAuditWhere({})).toEqual({});
  });

  it("pages with a sequence bound, never an offset", () => {
    expect(buildAuditWhere({ before: 120 })).toEqual({ seq: { lt: 120 } });
  });

  it("turns a time range into [from, to)", () => {
    expect(buildAuditWhere({ from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z" })).toEqual({
      at: { gte: new Date("2026-11-01T00:00:00Z"), lt: new Date("2026-11-02T00:00:00Z") },
    });
    expect(buildAuditWhere({ from: "2026-11-01T00:00:00Z" })).toEqual({ at: { gte: new Date("2026-11-01T00:00:00Z") } });
    expect(buildAuditWhere({ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" })).toBeNull();
  });

  it("keeps a board-scoped actor on its board", () => {
    expect(buildAuditWhere({ action: "x" }, "b1")).toEqual({ action: "x", boardId: "b1" });
    expect(buildAuditWhere({ boardId: "b1" }, "b1")).toEqual({ boardId: "b1" });
    expect(buildAuditWhere({ boardId: "b2" }, "b1")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, changedFields, hashEvent, verifyChain, type StoredEvent } from "./hash-chain";

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const fields = {
      seq, at: new Date(Date.UTC(2026, 10, 23, 12, 0, seq)).toISOString(), actorKind: "user", actorId: "u1", actorRole: "lead",
      action: "ticket.moved", entityType: "ticket", entityId: `gb-${seq}`, boardId: "b1",
      before: { phase: "building" }, after: { phase: "testing" }, reason: null, requestId: null, prevHash,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("serialises canonically whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, "x"] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it("verifies an intact chain", () => {
    expect(verifyChain(chain(50))).toEqual({ ok: true, checked: 50, firstBadSeq: null });
  });

  it("reports an edited event at its sequence", () => {
    const events = chain(10);
    events[6] = { ...events[6]!, after: { phase: "done" } };
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 7 });
  });

  it("reports a deleted event at the sequence that follows the gap", () => {
    const events = chain(10);
    events.splice(3, 1);
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 5 });
  });

  it("reports two swapped events at the first of them", () => {
    const events = chain(10);
    [events[4], events[5]] = [events[5]!, events[4]!];
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  it("reports a re-hashed edit (hash recomputed) through the next event's link", () => {
    const events = chain(10);
    const edited = { ...events[2]!, reason: "covered up" };
    events[2] = { ...edited, hash: hashEvent(edited) };
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it("keeps only changed fields in before/after", () => {
    expect(changedFields({ a: 1, b: [1], c: "x" }, { a: 1, b: [1, 2], c: "y" })).toEqual({ before: { b: [1], c: "x" }, after: { b: [1, 2], c: "y" } });
    expect(changedFields({ a: 1 }, { a: 1 })).toBeNull();
  });
});

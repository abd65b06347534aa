import { describe, expect, it } from "vitest";
import { MoveLedger } from "./move-ledger";

const A = { phase: "a", rank: "a0" };
const B = { phase: "b", rank: "a0" };
const C = { phase: "c", rank: "a0" };

describe("MoveLedger", () => {
  it("lets a single move's answer decide, and puts a refused one back where it was", () => {
    const ledger = new MoveLedger();
    const token = ledger.start("gb-1", A);
    expect(ledger.settle("gb-1", token, null)).toEqual({ latest: true, serverPosition: A });
  });

  it("does not let an earlier move's success pull the card back from a later move still in flight", () => {
    const ledger = new MoveLedger();
    const first = ledger.start("gb-1", A);
    const second = ledger.start("gb-1", B);
    expect(ledger.settle("gb-1", first, B)).toEqual({ latest: false, serverPosition: B });
    // The later move refused: back to where the server has it now, B.
    expect(ledger.settle("gb-1", second, null)).toEqual({ latest: true, serverPosition: B });
  });

  it("puts the card back where the server had it when both of two moves are refused", () => {
    const ledger = new MoveLedger();
    const first = ledger.start("gb-1", A);
    const second = ledger.start("gb-1", B);
    expect(ledger.settle("gb-1", first, null).latest).toBe(false);
    expect(ledger.settle("gb-1", second, null)).toEqual({ latest: true, serverPosition: A });
  });

  it("keeps cards apart, and starts afresh once a card's moves are all answered", () => {
    const ledger = new MoveLedger();
    const one = ledger.start("gb-1", A);
    const other = ledger.start("gb-2", B);
    expect(ledger.settle("gb-2", other, C)).toEqual({ latest: true, serverPosition: C });
    expect(ledger.settle("gb-1", one, B)).toEqual({ latest: true, serverPosition: B });
    const again = ledger.start("gb-1", C);
    expect(ledger.settle("gb-1", again, null)).toEqual({ latest: true, serverPosition: C });
  });
});

import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

describe("TokenBuckets", () => {
  it("allows a burst up to the limit, then refuses with a Retry-After", () => {
    const buckets = new TokenBuckets(3);
    expect(buckets.take("a", 0)).toEqual({ allowed: true, remaining: 2 });
    expect(buckets.take("a", 0)).toEqual({ allowed: true, remaining: 1 });
    expect(buckets.take("a", 0)).toEqual({ allowed: true, remaining: 0 });
    // 3 per minute refills one every 20 s.
    expect(buckets.take("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(buckets.take("a", 15_000)).toEqual({ allowed: false, retryAfterSeconds: 5 });
  });

  it("refills continuously and never above the limit", () => {
    const buckets = new TokenBuckets(60);
    for (let i = 0; i < 60; i++) expect(buckets.take("a", 0).allowed).toBe(true);
    expect(buckets.take("a", 0).allowed).toBe(false);
    expect(buckets.take("a", 1_000).allowed).toBe(true);
    expect(buckets.take("a", 1_000).allowed).toBe(false);
    expect(buckets.take("a", 10 * 60_000)).toEqual({ allowed: true, remaining: 59 });
  });

  it("peeks without using anything up", () => {
    const buckets = new TokenBuckets(1);
    expect(buckets.peek("a", 0)).toEqual({ allowed: true, remaining: 1 });
    expect(buckets.peek("a", 0)).toEqual({ allowed: true, remaining: 1 });
    buckets.take("a", 0);
    expect(buckets.peek("a", 0)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("counts each key on its own", () => {
    const buckets = new TokenBuckets(1);
    expect(buckets.take("a", 0).allowed).toBe(true);
    expect(buckets.take("a", 0).allowed).toBe(false);
    expect(buckets.take("b", 0).allowed).toBe(true);
  });

  it("forgets full buckets when there are too many keys", () => {
    const buckets = new TokenBuckets(10, 100);
    for (let i = 0; i < 150; i++) buckets.take(`k${i}`, 0);
    expect(buckets.size).toBeGreaterThan(100);
    buckets.take("late", 60_000);
    expect(buckets.size).toBe(1);
  });
});

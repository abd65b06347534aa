import "server-only";
import { db } from "@/lib/db";
import { ChainVerifier, type ChainVerification } from "@/lib/domain/audit/hash-chain";

const PAGE = 5_000;

/** Walks the whole audit chain in sequence order, a page at a time, stopping at the first bad event. */
export async function verifyAuditChain(): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await db().auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const event of page) {
      if (!verifier.push({ ...event, at: event.at.toISOString() })) return verifier.result();
    }
    if (page.length < PAGE) return verifier.result();
    after = page[page.length - 1]!.seq;
  }
}

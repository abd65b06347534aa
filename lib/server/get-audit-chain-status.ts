import "server-only";
import type { ChainVerification } from "@/lib/domain/audit/hash-chain";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { verifyAuditChain } from "@/lib/server/verify-audit-chain";

/** Whether the stored audit chain is intact, for anyone who may read the trail. */
export async function getAuditChainStatus(actor: Actor | null): Promise<ChainVerification> {
  await authorize(actor, "audit.read");
  return verifyAuditChain();
}

import { apiRoute } from "@/lib/server/api/api-route";
import { auditVerificationSchema } from "@/lib/schemas/audit";
import { getAuditChainStatus } from "@/lib/server/get-audit-chain-status";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/audit/verify",
    summary: "Verify the audit hash chain",
    description: "Walks every stored event. `firstBadSeq` names the first edited, missing or reordered event; null when the chain is intact.",
    tags: ["audit"],
    response: auditVerificationSchema,
  },
  async ({ actor }) => getAuditChainStatus(actor),
);

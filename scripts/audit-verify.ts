// Verifies the audit hash chain of DATABASE_URL; exits 1 and names the first bad sequence.
import { loadEnvOrExit } from "./lib/load-env";
import { verifyAuditChain } from "../lib/server/verify-audit-chain";
import { disconnectDb } from "../lib/db";

loadEnvOrExit();
const started = performance.now();
const result = await verifyAuditChain();
await disconnectDb();
console.log(JSON.stringify(result));
const ms = Math.round(performance.now() - started);
if (result.ok) console.log(`Audit chain verified: ${result.checked} events in ${ms} ms.`);
else console.error(`Audit chain BROKEN at sequence ${result.firstBadSeq}: ${result.problem} (checked ${result.checked} events).`);
process.exit(result.ok ? 0 : 1);

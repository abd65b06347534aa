import type { ApiTokenSummary } from "@/lib/server/list-api-tokens";
import { RevokeTokenButton } from "./revoke-token-button";

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never");

export function TokenTable({ tokens }: { tokens: ApiTokenSummary[] }) {
  if (tokens.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
        No API tokens yet. Create one above for each agent or script that talks to Gateboard.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900">
          <tr>
            {["Name", "Token", "Role", "Scope", "Last used", "Created", ""].map((heading) => (
              <th key={heading} scope="col" className="px-3 py-2 font-medium">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "text-zinc-400 dark:text-zinc-600" : undefined}>
              <td className="px-3 py-2 font-medium">
                {token.name}
                {token.agentName ? <span className="ml-1.5 text-xs font-normal text-zinc-500">agent {token.agentName}</span> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="px-3 py-2">{token.role}</td>
              <td className="px-3 py-2">{token.boardKey ? <span className="font-mono text-xs">{token.boardKey}</span> : "all boards"}</td>
              <td className="px-3 py-2 text-xs tabular-nums">{when(token.lastUsedAt)}</td>
              <td className="px-3 py-2 text-xs tabular-nums">
                {when(token.createdAt)}
                {token.createdBy ? <span className="text-zinc-500"> by {token.createdBy}</span> : null}
              </td>
              <td className="px-3 py-2 text-right">
                {token.revokedAt ? <span className="text-xs">revoked {when(token.revokedAt)}</span> : <RevokeTokenButton id={token.id} name={token.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

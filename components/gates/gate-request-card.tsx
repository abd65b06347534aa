"use client";

import Link from "next/link";
import { Check, CircleAlert, Clock } from "lucide-react";
import type { GateRequestView } from "@/lib/server/list-gate-requests";
import { DecisionButtons } from "./decision-buttons";
import { TestSummary } from "./test-summary";
import { waitedFor } from "./waited";

export function GateRequestCard({ request }: { request: GateRequestView }) {
  const waited = waitedFor(request.createdAt);
  return (
    <article aria-label={`Gate request for ${request.ticket.id}`} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/boards/${request.board.key}/tickets/${encodeURIComponent(request.ticket.id)}`} className="font-mono text-xs text-zinc-500 hover:underline">
          {request.ticket.id}
        </Link>
        <h2 className="font-medium">{request.ticket.title}</h2>
        <span className="ml-auto flex items-center gap-1 text-xs text-zinc-500" title={new Date(request.createdAt).toUTCString()}>
          <Clock aria-hidden className="size-3.5" /> waiting {waited}
        </span>
      </header>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {request.from.name} → <span className="font-medium text-zinc-900 dark:text-zinc-100">{request.to.name}</span> · {request.board.name}
        {request.ticket.assignee && <> · assignee {request.ticket.assignee}</>}
      </p>
      {request.waitingForCapacity && (
        <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">
          Approved — waiting for room in {request.to.name}; it moves as soon as a card leaves.
        </p>
      )}
      <ul className="mt-3 flex flex-col gap-2" aria-label="Gates">
        {request.evaluation.gates.map((gate, index) => (
          <li key={index} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <div className="flex items-center gap-2">
              {gate.satisfied ? <Check aria-hidden className="size-4 text-green-600" /> : <CircleAlert aria-hidden className="size-4 text-amber-600" />}
              <span className="font-medium">{gate.name ?? gate.kind}</span>
              <span className="text-xs text-zinc-500">{gate.kind}</span>
              <span className={`ml-auto text-xs font-medium ${gate.satisfied ? "text-green-700 dark:text-green-400" : gate.rejected ? "text-red-700 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}>
                {gate.satisfied ? "met" : gate.rejected ? "rejected" : "not met"}
              </span>
            </div>
            {gate.needs.length > 0 && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Needs: {gate.needs.join("; ")}</p>}
            {gate.summary && <TestSummary summary={gate.summary} />}
          </li>
        ))}
      </ul>
      {request.artifacts.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Evidence ({request.artifacts.length})</summary>
          <ul className="mt-2 flex flex-col gap-2">
            {request.artifacts.map((artifact) => (
              <li key={artifact.id} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                <div className="text-xs text-zinc-500">
                  {artifact.kind} · {artifact.format} · {artifact.createdBy} · {new Date(artifact.createdAt).toUTCString()}
                </div>
                {artifact.url && (
                  <a href={artifact.url} rel="noreferrer noopener" target="_blank" className="text-blue-700 underline dark:text-blue-400">
                    {artifact.name ?? artifact.url}
                  </a>
                )}
                {artifact.preview && <pre className="mt-1 max-h-40 overflow-auto text-xs whitespace-pre-wrap">{artifact.preview}</pre>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {request.decisions.length > 0 && (
        <ul className="mt-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Decisions so far">
          {request.decisions.map((decision, index) => (
            <li key={index}>
              {decision.decision === "approve" ? "Approved" : "Rejected"} by {decision.deciderId} ({decision.role}) {waitedFor(decision.at)} ago
              {decision.comment && <>: “{decision.comment}”</>}
            </li>
          ))}
        </ul>
      )}
      <footer className="mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
        {request.canDecide.ok ? (
          <DecisionButtons requestId={request.id} ticketId={request.ticket.id} />
        ) : (
          <p className="text-sm text-zinc-500">You cannot decide this gate: {request.canDecide.reason}.</p>
        )}
      </footer>
    </article>
  );
}

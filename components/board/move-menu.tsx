"use client";

import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { EllipsisVertical } from "lucide-react";
import type { CardView, PhaseView } from "@/lib/board-view";
import type { BoardMove } from "./use-move-ticket";

/** What the menu needs to know of a card and where it sits; the sortable card passes it on. */
export type MoveMenuProps = {
  card: CardView;
  index: number;
  /** The cards the top/bottom items order against: the column, or in swimlanes the card's cell. */
  column: CardView[];
  phase: PhaseView;
  phases: PhaseView[];
  onMove: (move: BoardMove) => void;
  disabled?: boolean;
  /** Set in swimlanes: "Top of …" means the top of the card's lane, and says so. */
  inLane?: boolean;
};

const TRIGGER_CLASS =
  "-mr-1 rounded p-0.5 text-zinc-500 disabled:opacity-40 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/** The card itself is draggable (mouse, touch and keyboard sensors); the menu button must not start a drag. */
const stop = (event: { stopPropagation(): void }) => event.stopPropagation();
const keepFromDrag = { onPointerDown: stop, onMouseDown: stop, onTouchStart: stop, onKeyDown: stop };

/**
 * A single-pointer alternative to dragging (WCAG 2.2 SC 2.5.7): move the card to any phase
 * the workflow allows, or to the top or bottom of its column.
 *
 * Until first used it is a plain button: a Radix menu on each of the hundreds of cards a
 * board renders was a good part of the board's render time. Clicking it (or Enter / Space)
 * mounts the menu, open.
 */
export function MoveMenu(props: MoveMenuProps) {
  const [used, setUsed] = useState(false);
  if (used) return <OpenableMoveMenu {...props} />;
  return (
    <button
      type="button"
      aria-label={`Move ${props.card.id} to…`}
      aria-haspopup="menu"
      aria-expanded={false}
      disabled={props.disabled}
      title={props.disabled ? "The board is still loading" : undefined}
      onClick={() => setUsed(true)}
      {...keepFromDrag}
      className={TRIGGER_CLASS}
    >
      <EllipsisVertical aria-hidden className="size-4" />
    </button>
  );
}

function OpenableMoveMenu({ card, index, column, phase, phases, onMove, disabled = false, inLane = false }: MoveMenuProps) {
  const where = inLane ? `${phase.name}, in this lane` : phase.name;
  const targets = phases.filter((candidate) => phase.allowedTargets.includes(candidate.key));
  const itemClass =
    "flex cursor-default items-center rounded px-2 py-1.5 text-sm outline-none select-none data-[disabled]:opacity-40 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";
  return (
    // Opens as it mounts: the click that mounted it asked for the menu.
    <DropdownMenu.Root defaultOpen>
      <DropdownMenu.Trigger aria-label={`Move ${card.id} to…`} disabled={disabled} title={disabled ? "The board is still loading" : undefined} {...keepFromDrag} className={TRIGGER_CLASS}>
        <EllipsisVertical aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-zinc-500">Move {card.id} to…</DropdownMenu.Label>
          {targets.length === 0 && <DropdownMenu.Item disabled className={itemClass}>No phase allowed from {phase.name}</DropdownMenu.Item>}
          {targets.map((target) => (
            <DropdownMenu.Item
              key={target.id}
              className={itemClass}
              onSelect={() => onMove({ ticketId: card.id, toPhase: target.key, afterId: null, beforeId: null })}
            >
              {target.name}
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item
            className={itemClass}
            disabled={index === 0}
            onSelect={() => onMove({ ticketId: card.id, toPhase: phase.key, afterId: null, beforeId: column[0]?.id ?? null })}
          >
            Top of {where}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={itemClass}
            disabled={index === column.length - 1}
            onSelect={() => onMove({ ticketId: card.id, toPhase: phase.key, afterId: column[column.length - 1]?.id ?? null, beforeId: null })}
          >
            Bottom of {where}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

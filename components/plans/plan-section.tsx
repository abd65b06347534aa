import type { ReactNode } from "react";
import { cardClass, sectionTitle } from "./ui-classes";

/** A titled card on the plan page; the id makes it linkable. */
export function PlanSection({ id, title, children, aside }: { id: string; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cardClass}>
      <div className="mb-3 flex items-baseline gap-2">
        <h2 id={`${id}-title`} className={sectionTitle}>
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

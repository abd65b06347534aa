import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A labelled control with its hint and its error, wired for screen readers. */
export function FormField({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const control = Children.only(children);
  return (
    <div>
      <label htmlFor={id} className="mb-1 flex items-baseline gap-2 text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
        {hint && (
          <span id={`${id}-hint`} className="font-normal text-zinc-500">
            {hint}
          </span>
        )}
      </label>
      {isValidElement(control) ? cloneElement(control as ReactElement<ControlProps>, { id, "aria-invalid": !!error, "aria-describedby": describedBy }) : control}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

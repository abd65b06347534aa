import type { Block } from "./markdown-blocks";
import type { ParseIssue } from "./types";

/** What every plan section parser receives: the blocks under one heading. */
export interface SectionInput {
  blocks: Block[];
  line: number;
  warnings: ParseIssue[];
}

/** A section parser's reading plus the blocks it did not understand (kept as notes). */
export interface SectionOutput<T> {
  value: T;
  leftover: Block[];
}

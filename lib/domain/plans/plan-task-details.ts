import type { Block } from "./markdown-blocks";
import { parseDependencyRef } from "./plan-discovery-sections";
import type { SectionInput, SectionOutput } from "./plan-section-input";
import { splitList } from "./plan-values";
import type { PlanTaskDetail } from "./types";

// Task blocks look like YAML but are not (a scalar "TASK: id" with an indented mapping under
// it, descriptions wrapped at an arbitrary column), so they get a small line parser.

interface Field {
  key: string;
  scalar: string;
  items: string[];
  isList: boolean;
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}

function readTaskBlocks(text: string, firstLine: number, warnings: SectionInput["warnings"]): PlanTaskDetail[] {
  const tasks: { id: string; fields: Field[] }[] = [];
  let keyIndent: number | null = null;
  text.split("\n").forEach((raw, offset) => {
    if (raw.trim() === "") return;
    const head = /^\s*-?\s*TASK\s*:\s*(\S.*?)\s*$/i.exec(raw);
    if (head?.[1]) {
      tasks.push({ id: head[1], fields: [] });
      keyIndent = null;
      return;
    }
    const task = tasks[tasks.length - 1];
    if (!task) {
      warnings.push({ line: firstLine + 1 + offset, message: "task detail line before any TASK: header" });
      return;
    }
    const indent = indentOf(raw);
    const field = task.fields[task.fields.length - 1];
    const kv = /^\s*([A-Za-z_][\w -]*?)\s*:(?:\s+(.*))?$/.exec(raw);
    if (kv?.[1] && (keyIndent === null || indent <= keyIndent)) {
      keyIndent = indent;
      const value = (kv[2] ?? "").trim();
      const isFlowList = value.startsWith("[") && value.endsWith("]");
      task.fields.push({
        key: kv[1].toLowerCase().replace(/[ -]/g, "_"),
        scalar: isFlowList ? "" : value,
        items: isFlowList ? splitList(value) : [],
        isList: isFlowList,
      });
      return;
    }
    if (!field) return;
    const item = /^\s*-\s+(.*)$/.exec(raw);
    if (item) {
      field.isList = true;
      field.items.push((item[1] ?? "").trim());
    } else if (field.isList && field.items.length > 0) {
      const last = field.items[field.items.length - 1] ?? "";
      field.items[field.items.length - 1] = last === "" ? raw.trim() : `${last} ${raw.trim()}`;
    } else {
      field.scalar = field.scalar === "" ? raw.trim() : `${field.scalar} ${raw.trim()}`;
    }
  });
  return tasks.map(({ id, fields }) => {
    const detail: PlanTaskDetail = {
      id,
      title: null,
      description: null,
      acceptanceCriteria: [],
      dependsOn: [],
      parent: null,
      extra: {},
    };
    for (const f of fields) {
      const list = f.isList ? f.items : f.scalar === "" ? [] : [f.scalar];
      if (f.key === "title") detail.title = f.scalar;
      else if (f.key === "description") detail.description = f.scalar;
      else if (/^acceptance(?:_criteria)?$/.test(f.key)) detail.acceptanceCriteria = list;
      else if (/^(?:depends_on|dependencies|blocked_by)$/.test(f.key))
        detail.dependsOn = (f.isList ? f.items : splitList(f.scalar)).filter((d) => d.trim() !== "").map(parseDependencyRef);
      else if (f.key === "parent" || f.key === "epic") detail.parent = f.scalar || null;
      else detail.extra[f.key] = f.isList ? f.items : f.scalar;
    }
    return detail;
  });
}

/** `TASK: id` blocks (usually in a fenced yaml block) with title, description, criteria, deps. */
export function parseTaskDetails({ blocks, warnings }: SectionInput): SectionOutput<PlanTaskDetail[]> {
  const value: PlanTaskDetail[] = [];
  const leftover: Block[] = [];
  for (const block of blocks) {
    if (block.kind === "code" && /^\s*-?\s*TASK\s*:/im.test(block.text)) {
      value.push(...readTaskBlocks(block.text, block.line, warnings));
    } else if (block.kind === "paragraph" && /^\s*-?\s*TASK\s*:/i.test(block.lines[0]?.text ?? "")) {
      value.push(...readTaskBlocks(block.lines.map((l) => l.text).join("\n"), block.line - 1, warnings));
    } else leftover.push(block);
  }
  return { value, leftover };
}

/** Writes task details back in the `TASK: id` shape. */
export function renderTaskDetails(tasks: PlanTaskDetail[]): string {
  const lines: string[] = [];
  for (const t of tasks) {
    lines.push(`TASK: ${t.id}`);
    if (t.title !== null) lines.push(`  title: ${t.title}`);
    if (t.description !== null) lines.push(`  description: ${t.description}`);
    if (t.acceptanceCriteria.length > 0) {
      lines.push("  acceptance_criteria:");
      for (const c of t.acceptanceCriteria) lines.push(`    - ${c}`);
    }
    if (t.dependsOn.length > 0) {
      const refs = t.dependsOn.map((d) => (d.note !== null ? `${d.id} (${d.note})` : d.id));
      // The compact [a, b] form only when no entry has its own comma or bracket.
      if (refs.some((r) => /[,[\]]/.test(r))) {
        lines.push("  depends_on:");
        for (const r of refs) lines.push(`    - ${r}`);
      } else lines.push(`  depends_on: [${refs.join(", ")}]`);
    }
    if (t.parent !== null) lines.push(`  parent: ${t.parent}`);
    for (const [key, v] of Object.entries(t.extra)) {
      if (Array.isArray(v)) {
        lines.push(`  ${key}:`);
        for (const item of v) lines.push(`    - ${item}`);
      } else lines.push(`  ${key}: ${v}`);
    }
  }
  return `\`\`\`yaml\n${lines.join("\n")}\n\`\`\``;
}

// Wording shared by gate messages, so every "needs" line reads the same way.

/** "reviewer or lead", "reviewer, lead or admin". */
export function formatRoles(roles: readonly string[]): string {
  if (roles.length <= 1) return roles[0] ?? "";
  return `${roles.slice(0, -1).join(", ")} or ${roles.at(-1)}`;
}

/** "a reviewer", "an admin". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Lists the first few items and says how many more there are. */
export function formatList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

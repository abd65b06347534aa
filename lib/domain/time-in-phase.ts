/** Compact age for a card: "40m", "5h", "3d", "6w". */
export function timeInPhase(enteredAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(enteredAt)) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 28) return `${days}d`;
  return `${Math.floor(days / 7)}w`;
}

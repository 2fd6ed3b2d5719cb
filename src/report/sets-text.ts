// Failure sets in prose: {kernel} or {session, user}; an empty set reads "no failure".

export function formatSet(set: readonly string[]): string {
  return set.length === 0 ? 'no failure' : `{${set.join(', ')}}`;
}

/** "with {kernel} failed", or "with no failure" for the empty set (never "with no failure failed"). */
export function withFailed(set: readonly string[]): string {
  return set.length === 0 ? 'with no failure' : `with ${formatSet(set)} failed`;
}

export function formatSets(sets: readonly (readonly string[])[], total = sets.length): string {
  const shown = sets.map(formatSet).join(' or ');
  return total > sets.length ? `${shown} or ${total - sets.length} more` : shown;
}

export function formatDepth(depth: number | null, beyondOrder = false, order: number | null = null): string {
  if (depth !== null) return String(depth);
  return beyondOrder && order !== null ? `>${order}` : 'unreachable';
}

// "Did you mean …?" for misspelt keys and ids: the closest candidate by edit distance (Levenshtein
// plus swaps of neighbours), if it is close enough to be a plausible typo.

/**
 * Levenshtein distance that also counts swapping two neighbours as one edit (optimal string
 * alignment), since `nmae` for `name` is the most common typo of all.
 */
export function editDistance(a: string, b: string): number {
  // rows[i][j] = distance between a[0..i) and b[0..j); only three rows are ever needed.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `input`, ignoring case, within a third of the longer length (at least 1).
 * Ties go to the earlier candidate, so the answer is deterministic. Before that: the one candidate
 * that `input` abbreviates word by word (`Global Admin` → `Global Administrator`), if only one does.
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const abbreviation = abbreviated(input, candidates);
  if (abbreviation !== undefined) return abbreviation;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    const limit = Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The only candidate with as many words as `input`, each starting with `input`'s word (ignoring case). */
function abbreviated(input: string, candidates: Iterable<string>): string | undefined {
  const words = input.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || input.trim().length < 4) return undefined;
  const matches: string[] = [];
  for (const candidate of candidates) {
    const theirs = candidate.toLowerCase().split(/\s+/);
    if (candidate !== input && theirs.length === words.length && words.every((w, i) => theirs[i]!.startsWith(w))) matches.push(candidate);
  }
  return matches.length === 1 ? matches[0] : undefined;
}

/** ` (did you mean `x`?)` ready to append to a message, or '' when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = suggest(input, candidates);
  return suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`;
}

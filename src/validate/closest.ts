/** "Did you mean": the known name closest to a misspelt one, by edit distance. */

/** Levenshtein distance between `a` and `b`, giving up (returning `limit + 1`) past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `name` (ties: alphabetical), or undefined when none is close. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(name.length / 2));
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance || (distance === bestDistance && !best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

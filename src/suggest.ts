/** Did-you-mean suggestions for misspelled keys and values. */

function editDistance(left: string, right: string): number {
  const previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const above = previous[j]!;
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[right.length]!;
}

/**
 * Returns the candidate closest to `written`, ignoring case, when it is close enough
 * to be a likely typo (at most a third of its length differs), else undefined.
 */
export function suggestClosest(written: string, candidates: readonly string[]): string | undefined {
  const lowered = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) {
    return undefined;
  }
  const limit = Math.max(1, Math.floor(Math.max(written.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A holder and the score he is ranked by. */
export interface Scored {
  holderId: string;
  score: number;
}

export interface Ranked extends Scored {
  rank: number;
}

/**
 * The top of a list by score: equal scores share a rank (1, 2, 2, 4), and everyone whose rank is
 * within `size` is on it — two tied for the last place both get the title. Equal scores are listed
 * by holder id so a ranking drawn twice reads the same.
 */
export function topOf(scored: readonly Scored[], size: number): Ranked[] {
  const sorted = [...scored].sort((a, b) => b.score - a.score || a.holderId.localeCompare(b.holderId));
  const ranked: Ranked[] = [];
  sorted.forEach((s, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.score === s.score ? previous.rank : i + 1;
    if (rank <= size) ranked.push({ ...s, rank });
  });
  return ranked;
}

/**
 * One-to-one optimal assignment (the Hungarian algorithm, Kuhn–Munkres with potentials,
 * O(n²·m)) on a score matrix: pairs rows with columns so that the sum of the scores of the
 * kept pairs is largest. Pairs scoring below `threshold` are never kept; a row may stay alone.
 *
 * Unlike a greedy "best pair first" pass, one strong pair cannot steal the partner of a
 * section that has no other good match (A~X 0.62, A~Y 0.60, B~X 0.58, B~Y 0.10: greedy
 * keeps A–X and leaves B alone; the assignment keeps A–Y and B–X).
 */

/**
 * `score(i, j)` for i < rows, j < cols; returns, for every row, its column or -1.
 * Scores below `threshold` count as 0 (no pair), so they are never chosen over staying alone.
 */
export function assign(
  rows: number,
  cols: number,
  score: (i: number, j: number) => number,
  threshold: number,
): number[] {
  const out = new Array<number>(rows).fill(-1);
  if (rows === 0 || cols === 0) return out;
  // Square cost matrix of size n (padding rows/columns cost 0 = "alone"); minimise -score.
  const n = Math.max(rows, cols);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = score(i, j);
      cost[i * n + j] = s >= threshold ? -s : 0;
    }
  }
  // Potentials u (rows), v (columns), p[j] = row matched to column j (1-based, 0 = none).
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0] as number;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = (cost[(i0 - 1) * n + (j - 1)] as number) - (u[i0] as number) - (v[j] as number);
        if (cur < (minv[j] as number)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] as number) < delta) {
          delta = minv[j] as number;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j] as number] = (u[p[j] as number] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else minv[j] = (minv[j] as number) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] as number;
      p[j0] = p[j1] as number;
      j0 = j1;
    } while (j0 !== 0);
  }
  for (let j = 1; j <= n; j++) {
    const i = (p[j] as number) - 1;
    if (i < rows && j - 1 < cols && (cost[i * n + (j - 1)] as number) < 0) out[i] = j - 1;
  }
  return out;
}

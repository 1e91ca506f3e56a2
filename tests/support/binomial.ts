/**
 * Exact binomial tail bounds for tests that compare a rate with chance. A deterministic test
 * still needs one: the honest chance rate of a fixed sample is not exactly p, and the bound
 * says how far above p it may land before the test calls it a tell.
 */

/** ln(k!) by summation: exact enough for the few thousand trials these tests run. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 1; k <= n; k += 1) out[k] = (out[k - 1] ?? 0) + Math.log(k);
  return out;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(n: number, p: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const lf = logFactorials(n);
  let sum = 0;
  for (let i = k; i <= n; i += 1) {
    const logPmf = (lf[n] ?? 0) - (lf[i] ?? 0) - (lf[n - i] ?? 0) + i * Math.log(p) + (n - i) * Math.log1p(-p);
    sum += Math.exp(logPmf);
  }
  return Math.min(1, sum);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialLowerTail(n: number, p: number, k: number): number {
  return k < 0 ? 0 : 1 - binomialUpperTail(n, p, k + 1);
}

/**
 * The largest count a guesser with success probability `p` reaches in `n` trials with
 * probability more than `alpha`: a count above it happens by chance less than `alpha` of the time.
 */
export function chanceCeiling(n: number, p: number, alpha: number): number {
  let k = Math.ceil(n * p);
  while (k <= n && binomialUpperTail(n, p, k) > alpha) k += 1;
  return k - 1;
}

/**
 * The smallest count a guesser with success probability `p` reaches in `n` trials with
 * probability more than `alpha`: falling below it is a tell too (the right option is avoided,
 * so an attacker who avoids the same one does better than chance).
 */
export function chanceFloor(n: number, p: number, alpha: number): number {
  let k = Math.floor(n * p);
  while (k >= 0 && binomialLowerTail(n, p, k) > alpha) k -= 1;
  return k + 1;
}

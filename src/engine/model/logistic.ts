/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares): deterministic for the same rows in the same order, which is what lets `npm run train`
 * reproduce the committed model to the last digit. Small and dense: tens of features, tens of
 * thousands of rows.
 */
export interface LogisticFit {
  weights: number[];
  bias: number;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function logit(fit: LogisticFit, x: ArrayLike<number>): number {
  let z = fit.bias;
  for (let i = 0; i < fit.weights.length; i++) z += fit.weights[i]! * x[i]!;
  return z;
}

export function fitLogistic(
  rows: ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: { l2?: number; iterations?: number; sampleWeights?: ArrayLike<number> } = {},
): LogisticFit {
  const { l2 = 1, iterations = 50 } = options;
  const d = (rows[0]?.length ?? 0) + 1; // the bias is the last column, unpenalised
  const beta = new Float64Array(d);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]!;
      const weight = options.sampleWeights?.[r] ?? 1;
      let z = beta[d - 1]!;
      for (let i = 0; i < d - 1; i++) z += beta[i]! * x[i]!;
      const p = sigmoid(z);
      const g = weight * (p - labels[r]!);
      const h = weight * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < d; i++) {
        const xi = i === d - 1 ? 1 : x[i]!;
        gradient[i]! += g * xi;
        const hi = hessian[i]!;
        for (let j = 0; j <= i; j++) hi[j]! += h * xi * (j === d - 1 ? 1 : x[j]!);
      }
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
      if (i < d - 1) {
        gradient[i]! += l2 * beta[i]!;
        hessian[i]![i]! += l2;
      }
    }
    const step = solve(hessian, gradient);
    let change = 0;
    for (let i = 0; i < d; i++) {
      beta[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-10) break;
  }
  return { weights: Array.from(beta.subarray(0, d - 1)), bias: beta[d - 1]! };
}

/** Solves A x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => Float64Array.from([...row, b[i]!]));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}

/**
 * A listwise ranker: the conditional logit (softmax over a question's candidates), fitted so that
 * each right candidate outscores the others of its own question. It learns what separates a
 * question's answer from its near misses, which pointwise logistic regression blurs with how easy
 * the question is. Convex (each right candidate's log-softmax), fitted by Newton's method with an
 * L2 penalty; no bias, as a constant does not change an order.
 */
export function fitListwise(
  groups: { features: ArrayLike<number>[]; labels: ArrayLike<number> }[],
  options: { l2?: number; iterations?: number } = {},
): LogisticFit {
  const { l2 = 1, iterations = 50 } = options;
  const d = groups.find((g) => g.features.length)?.features[0]?.length ?? 0;
  const usable = groups.filter((g) => {
    const positives = Array.from(g.labels).filter(Boolean).length;
    return positives > 0 && positives < g.labels.length;
  });
  let beta = new Float64Array(d);
  let current = listwiseLoss(usable, beta, l2).loss;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const { gradient, hessian } = listwiseLoss(usable, beta, l2, true);
    const step = solve(hessian!, gradient!);
    // Newton's step, halved until the loss goes down (a full step can overshoot far from the optimum).
    let scale = 1;
    let next = beta;
    let loss = current;
    for (; scale > 1e-6; scale /= 2) {
      next = beta.map((b, k) => b - scale * step[k]!);
      loss = listwiseLoss(usable, next, l2).loss;
      if (loss <= current) break;
    }
    const improved = current - loss;
    beta = next;
    current = loss;
    if (scale <= 1e-6 || improved < 1e-9) break;
  }
  return { weights: Array.from(beta), bias: 0 };
}

/** The penalised loss: each right candidate's negative log-softmax within its question (with gradient and Hessian on request). */
function listwiseLoss(
  groups: { features: ArrayLike<number>[]; labels: ArrayLike<number> }[],
  beta: Float64Array,
  l2: number,
  derivatives = false,
) {
  const d = beta.length;
  let loss = 0;
  const gradient = derivatives ? new Float64Array(d) : undefined;
  const hessian = derivatives ? Array.from({ length: d }, () => new Float64Array(d)) : undefined;
  for (const { features, labels } of groups) {
    const scores = Array.from(features, (x) => {
      let z = 0;
      for (let k = 0; k < d; k++) z += beta[k]! * x[k]!;
      return z;
    });
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    const logTotal = max + Math.log(total);
    let positives = 0;
    scores.forEach((s, i) => {
      if (labels[i]) {
        positives++;
        loss += logTotal - s;
      }
    });
    if (!gradient || !hessian) continue;
    const mean = new Float64Array(d);
    features.forEach((x, i) => {
      for (let k = 0; k < d; k++) mean[k]! += (exps[i]! / total) * x[k]!;
    });
    features.forEach((x, i) => {
      const p = exps[i]! / total;
      for (let a = 0; a < d; a++) {
        const da = x[a]! - mean[a]!;
        if (labels[i]) gradient[a]! -= da;
        const ha = hessian[a]!;
        for (let b = 0; b <= a; b++) ha[b]! += positives * p * da * (x[b]! - mean[b]!);
      }
    });
  }
  for (let a = 0; a < d; a++) {
    loss += 0.5 * l2 * beta[a]! * beta[a]!;
    if (!gradient || !hessian) continue;
    for (let b = 0; b < a; b++) hessian[b]![a] = hessian[a]![b]!;
    gradient[a]! += l2 * beta[a]!;
    hessian[a]![a]! += l2;
  }
  return { loss, gradient, hessian };
}

import type { Highs } from 'highs';
import type { CandidateMatrix } from './candidates.ts';

let highsLoaded: Promise<Highs> | null = null;
// Loaded with the first solve, not by every server and command. The package's types describe a
// CommonJS module; loaded as ESM its default export is the loader itself.
const highs = () => (highsLoaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)()));

/** One portfolio constraint, written as Σ coef[i·A + a]·x[i,a] ≤ bound. */
export interface LinearConstraint {
  name: string;
  /** What a person reads: "approval rate at least 60%". */
  label: string;
  coef: Float64Array;
  bound: number;
  /** The limit as the label speaks of it (a rate, an amount). */
  limit: number;
  /** The same figure for an assignment of actions. */
  figure(choice: Int32Array): number;
}

export interface ConstraintReport {
  name: string;
  label: string;
  /** The constraint's own figure at the solution (a rate, an amount). */
  value: number;
  limit: number;
  binding: boolean;
  /** Expected profit gained per unit the row's bound is relaxed (0 when not binding). */
  shadowPrice: number;
}

export interface PortfolioSolution {
  /** The chosen action per application (index into the matrix's actions). */
  choice: Int32Array;
  objective: number;
  /** The LP relaxation's optimum: no assignment can beat it. */
  upperBound: number;
  constraints: ConstraintReport[];
  method: 'exact' | 'decomposition';
  iterations: number;
}

export class InfeasibleError extends Error {
  constructor(
    /** The constraints in conflict, each with the best its figure can be on its own. */
    readonly constraints: { name: string; label: string; best: number; holdsAlone: boolean }[],
  ) {
    const alone = constraints.filter((c) => !c.holdsAlone);
    const describe = (c: (typeof constraints)[number]) => `${c.label} (at best ${+c.best.toPrecision(4)} on its own)`;
    super(
      alone.length
        ? `the portfolio constraints cannot all hold: ${alone.map(describe).join('; ')} cannot hold whatever else is decided; relax ${alone.length > 1 ? 'them' : 'it'}`
        : `the portfolio constraints cannot all hold together: ${constraints.map(describe).join(', ')}; each holds on its own, so relax one of them`,
    );
  }
}

/** Problems up to this many allowed (application, action) pairs are solved exactly as a MIP. */
const EXACT_LIMIT = 4000;
const MAX_ITERATIONS = 300;
const BIG_M = 1e7;

/** Profit less the priced use of each constraint, best action per application. */
function price(m: CandidateMatrix, cons: LinearConstraint[], lambda: Float64Array, choice: Int32Array): number {
  const A = m.actions.length;
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    let best = -Infinity;
    let bestA = 0;
    const base = i * A;
    for (let a = 0; a < A; a++) {
      const j = base + a;
      if (!m.allowed[j]) continue;
      let v = m.profit[j]!;
      for (let k = 0; k < cons.length; k++) v -= lambda[k]! * cons[k]!.coef[j]!;
      if (v > best + 1e-12) {
        best = v;
        bestA = a;
      }
    }
    choice[i] = bestA;
    total += best;
  }
  return total;
}

function totals(m: CandidateMatrix, cons: LinearConstraint[], choice: Int32Array): { profit: number; rows: Float64Array } {
  const A = m.actions.length;
  const rows = new Float64Array(cons.length);
  let profit = 0;
  for (let i = 0; i < m.rows; i++) {
    const j = i * A + choice[i]!;
    profit += m.profit[j]!;
    for (let k = 0; k < cons.length; k++) rows[k] += cons[k]!.coef[j]!;
  }
  return { profit, rows };
}

/**
 * Dantzig–Wolfe on the one coupling block: HiGHS solves the master LP over whole-portfolio
 * policies (with a penalised slack per constraint, so an infeasible set is found, not
 * assumed away); its duals price the constraints, and each application then takes its best
 * priced action, which is the next policy. Stops when no policy improves the master.
 */
async function decompose(m: CandidateMatrix, cons: LinearConstraint[]) {
  const h = await highs();
  const K = cons.length;
  const policies: { profit: number; rows: Float64Array }[] = [];
  const choice = new Int32Array(m.rows);
  const lambda = new Float64Array(K);
  price(m, cons, lambda, choice);
  policies.push(totals(m, cons, choice));
  // Declining everyone is a policy too: with it the master starts near any feasible region.
  policies.push(totals(m, cons, new Int32Array(m.rows)));
  let bestBound = Infinity;
  let bestLambda = new Float64Array(K);
  let slacks = new Float64Array(K);
  let iterations = 0;
  let masterValue = -Infinity;
  for (; iterations < MAX_ITERATIONS; iterations++) {
    const P = policies.length;
    const numCols = P + K;
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const p of policies) {
      for (let k = 0; k < K; k++) {
        if (p.rows[k] !== 0) {
          indices.push(k);
          values.push(p.rows[k]!);
        }
      }
      indices.push(K);
      values.push(1);
      starts.push(indices.length);
    }
    for (let k = 0; k < K; k++) {
      indices.push(k);
      values.push(-1);
      starts.push(indices.length);
    }
    const model = h.createModel({
      numCols,
      numRows: K + 1,
      sense: h.constants.objectiveSense.maximize,
      colCost: [...policies.map((p) => p.profit), ...new Array(K).fill(-BIG_M)],
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(h.infinity),
      rowLower: [...new Array(K).fill(-h.infinity), 1],
      rowUpper: [...cons.map((c) => c.bound), 1],
      matrix: { format: 'csc', numRows: K + 1, numCols, starts, indices, values },
    });
    let duals: Float64Array;
    let colValue: Float64Array;
    try {
      model.options.set({ output_flag: false });
      model.run();
      const sol = model.getSolution();
      duals = sol.rowDual;
      colValue = sol.colValue;
      masterValue = model.getObjectiveValue();
    } finally {
      model.dispose();
    }
    for (let k = 0; k < K; k++) lambda[k] = Math.max(0, duals[k]!);
    slacks = Float64Array.from({ length: K }, (_, k) => colValue[P + k]!);
    const mu = duals[K]!;
    const priced = price(m, cons, lambda, choice);
    // The Lagrangian bound: valid for any prices; the best one seen is the LP optimum's bound.
    let bound = priced;
    for (let k = 0; k < K; k++) bound += lambda[k]! * cons[k]!.bound;
    if (bound < bestBound) {
      bestBound = bound;
      bestLambda = Float64Array.from(lambda);
    }
    if (priced - mu <= 1e-9 * Math.max(1, Math.abs(masterValue))) break;
    policies.push(totals(m, cons, choice));
  }
  return { lambda: bestLambda, finalLambda: Float64Array.from(lambda), slacks, iterations, bound: bestBound };
}

/**
 * Moves applications to other actions until every constraint holds: for a broken row, the
 * moves that give up least profit (net of the other rows' prices) per unit of the excess
 * come first, and a move is taken only if it keeps every other row within its slack.
 */
function repair(m: CandidateMatrix, cons: LinearConstraint[], lambda: Float64Array, choice: Int32Array): void {
  const A = m.actions.length;
  const K = cons.length;
  for (let round = 0; round < 4 * K + 4; round++) {
    const { rows } = totals(m, cons, choice);
    const slack = Float64Array.from(rows, (v, o) => cons[o]!.bound - v);
    const k = cons.findIndex((c, o) => slack[o]! < -1e-9 * Math.max(1, Math.abs(c.bound)));
    if (k < 0) return;
    const moves: { i: number; a: number; ratio: number }[] = [];
    for (let i = 0; i < m.rows; i++) {
      const cur = i * A + choice[i]!;
      for (let a = 0; a < A; a++) {
        const j = i * A + a;
        if (!m.allowed[j] || a === choice[i]) continue;
        const fix = cons[k]!.coef[cur]! - cons[k]!.coef[j]!;
        if (fix <= 0) continue;
        let cost = m.profit[cur]! - m.profit[j]!;
        for (let o = 0; o < K; o++) if (o !== k) cost += lambda[o]! * (cons[o]!.coef[j]! - cons[o]!.coef[cur]!);
        moves.push({ i, a, ratio: cost / fix });
      }
    }
    moves.sort((x, y) => x.ratio - y.ratio);
    const moved = new Uint8Array(m.rows);
    for (const mv of moves) {
      if (slack[k]! >= 0) break;
      if (moved[mv.i]) continue;
      const cur = mv.i * A + choice[mv.i]!;
      const j = mv.i * A + mv.a;
      let fits = true;
      for (let o = 0; o < K && fits; o++) if (o !== k && cons[o]!.coef[j]! - cons[o]!.coef[cur]! > slack[o]!) fits = false;
      if (!fits) continue;
      for (let o = 0; o < K; o++) slack[o] -= cons[o]!.coef[j]! - cons[o]!.coef[cur]!;
      choice[mv.i] = mv.a;
      moved[mv.i] = 1;
    }
  }
}

/** Exactly, as a MIP in HiGHS: for small problems, and to check the decomposition in tests. */
async function exact(m: CandidateMatrix, cons: LinearConstraint[]): Promise<{ choice: Int32Array; objective: number } | null> {
  const h = await highs();
  const A = m.actions.length;
  const cols: number[] = [];
  for (let j = 0; j < m.rows * A; j++) if (m.allowed[j]) cols.push(j);
  const K = cons.length;
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const j of cols) {
    for (let k = 0; k < K; k++) {
      const c = cons[k]!.coef[j]!;
      if (c !== 0) {
        indices.push(k);
        values.push(c);
      }
    }
    indices.push(K + Math.floor(j / A));
    values.push(1);
    starts.push(indices.length);
  }
  const model = h.createModel({
    numCols: cols.length,
    numRows: K + m.rows,
    sense: h.constants.objectiveSense.maximize,
    colCost: cols.map((j) => m.profit[j]!),
    colLower: new Float64Array(cols.length),
    colUpper: new Float64Array(cols.length).fill(1),
    rowLower: [...new Array(K).fill(-h.infinity), ...new Array(m.rows).fill(1)],
    rowUpper: [...cons.map((c) => c.bound), ...new Array(m.rows).fill(1)],
    matrix: { format: 'csc', numRows: K + m.rows, numCols: cols.length, starts, indices, values },
    integrality: new Int32Array(cols.length).fill(h.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 1e-9 });
    model.run();
    if (model.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    const x = model.getSolution().colValue;
    const choice = new Int32Array(m.rows);
    cols.forEach((j, c) => {
      if (x[c]! > 0.5) choice[Math.floor(j / A)] = j % A;
    });
    return { choice, objective: model.getObjectiveValue() };
  } finally {
    model.dispose();
  }
}

/** The best a constraint can do on its own: each application takes the action that uses it least. */
function bestAlone(m: CandidateMatrix, c: LinearConstraint): { row: number; figure: number } {
  const A = m.actions.length;
  const choice = new Int32Array(m.rows);
  let row = 0;
  for (let i = 0; i < m.rows; i++) {
    let low = Infinity;
    for (let a = 0; a < A; a++) {
      const j = i * A + a;
      if (m.allowed[j] && c.coef[j]! < low) {
        low = c.coef[j]!;
        choice[i] = a;
      }
    }
    row += low;
  }
  return { row, figure: c.figure(choice) };
}

/** Chooses one action per application to maximise total expected profit under the constraints. */
export async function solvePortfolio(m: CandidateMatrix, cons: LinearConstraint[], options: { exact?: boolean } = {}): Promise<PortfolioSolution> {
  const d = await decompose(m, cons);
  const violated = cons.filter((c, k) => d.slacks[k]! > 1e-7 * Math.max(1, Math.abs(c.bound)));
  if (violated.length) {
    // The rows short of their bound, and those the master prices: together they are the conflict.
    const involved = cons.filter((c, k) => violated.includes(c) || d.finalLambda[k]! > 1e-9);
    throw new InfeasibleError(
      involved.map((c) => {
        const best = bestAlone(m, c);
        return { name: c.name, label: c.label, best: best.figure, holdsAlone: best.row <= c.bound + 1e-9 * Math.max(1, Math.abs(c.bound)) };
      }),
    );
  }
  let choice: Int32Array = new Int32Array(m.rows);
  price(m, cons, d.lambda, choice);
  repair(m, cons, d.lambda, choice);
  let method: PortfolioSolution['method'] = 'decomposition';
  let allowed = 0;
  for (let j = 0; j < m.allowed.length; j++) allowed += m.allowed[j]!;
  if (options.exact ?? allowed <= EXACT_LIMIT) {
    const e = await exact(m, cons);
    if (e) {
      choice = e.choice;
      method = 'exact';
    }
  }
  const t = totals(m, cons, choice);
  return {
    choice,
    objective: t.profit,
    upperBound: Math.max(t.profit, d.bound),
    method,
    iterations: d.iterations,
    constraints: cons.map((c, k) => {
      const slack = c.bound - t.rows[k]!;
      const binding = d.lambda[k]! > 1e-9 || Math.abs(slack) <= 1e-6 * Math.max(1, Math.abs(c.bound));
      return { name: c.name, label: c.label, value: c.figure(choice), limit: c.limit, binding, shadowPrice: d.lambda[k]! };
    }),
  };
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../models/index.ts';
import { actionValue, candidateMatrix, InfeasibleError, parseStrategy, portfolioConstraints, solvePortfolio, type Applicant, type Strategy } from './index.ts';

function applicants(n: number, seed: number): Applicant[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const income = 2000 + rnd() * 6000;
    return {
      pd: 0.01 + rnd() ** 2 * 0.4,
      amount: Math.round(2000 + rnd() * 20000),
      termMonths: 12 + Math.floor(rnd() * 4) * 12,
      monthlyIncome: income,
      monthlyDebt: income * rnd() * 0.3,
    };
  });
}

const strategy = (portfolio: Record<string, unknown> = {}): Strategy =>
  parseStrategy({
    actions: { limitFactors: [0.5, 1], rates: [0.09, 0.15] },
    economics: { fundingRate: 0.04, originationFee: 0.01, operatingCostPerLoan: 150, lgd: 0.6 },
    takeUp: { midpointRate: 0.16, slope: 20 },
    affordability: { maxDti: 0.45 },
    portfolio,
  });

/** Every assignment of actions, for a handful of applications. */
function bruteForce(n: number, A: number, allowed: Uint8Array, value: (choice: Int32Array) => number | null): number {
  let best = -Infinity;
  const choice = new Int32Array(n);
  const visit = (i: number): void => {
    if (i === n) {
      const v = value(choice);
      if (v !== null && v > best) best = v;
      return;
    }
    for (let a = 0; a < A; a++) {
      if (!allowed[i * A + a]) continue;
      choice[i] = a;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('the value of an action', () => {
  test('declining is worth nothing; a riskier applicant is worth less; unaffordable offers are refused', () => {
    const s = strategy();
    const safe = { pd: 0.02, amount: 10000, termMonths: 36, monthlyIncome: 5000, monthlyDebt: 500 };
    const approve = { approve: true, limitFactor: 1, rate: 0.15 };
    assert.equal(actionValue(safe, { approve: false, limitFactor: 0, rate: 0 }, s).profit, 0);
    const good = actionValue(safe, approve, s);
    const bad = actionValue({ ...safe, pd: 0.3 }, approve, s);
    assert.ok(good.profit > 0 && bad.profit < good.profit && bad.loss > good.loss);
    assert.equal(good.refused, null);
    assert.match(String(actionValue({ ...safe, monthlyIncome: 800 }, approve, s).refused), /debt-to-income/);
  });
});

describe('portfolio optimisation', () => {
  test('on small cases the chosen actions are as good as the best of every assignment, and no constraint is broken', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const apps = applicants(6, seed);
      const s = strategy({ minApprovalRate: 0.5, maxLossRate: 0.06 });
      const m = candidateMatrix(apps, s);
      const cons = portfolioConstraints(m, s, null);
      const A = m.actions.length;
      const feasible = (choice: Int32Array) =>
        cons.every((c) => {
          let row = 0;
          for (let i = 0; i < m.rows; i++) row += c.coef[i * A + choice[i]!]!;
          return row <= c.bound + 1e-9;
        });
      const profitOf = (choice: Int32Array) => choice.reduce((t, a, i) => t + m.profit[i * A + a]!, 0);
      const best = bruteForce(m.rows, A, m.allowed, (c) => (feasible(c) ? profitOf(c) : null));
      if (best === -Infinity) {
        await assert.rejects(solvePortfolio(m, cons), InfeasibleError, `seed ${seed}`);
        continue;
      }
      for (const exact of [true, false]) {
        const sol = await solvePortfolio(m, cons, { exact });
        assert.ok(feasible(sol.choice), `seed ${seed}: a constraint is broken (${exact ? 'exact' : 'decomposition'})`);
        if (exact) assert.ok(Math.abs(sol.objective - best) <= 1e-6 * Math.max(1, Math.abs(best)), `seed ${seed}: ${sol.objective} vs brute force ${best}`);
        assert.ok(sol.upperBound >= best - 1e-6, `seed ${seed}: the bound ${sol.upperBound} is below the optimum ${best}`);
      }
    }
  });

  test('on thousands of applications no constraint is broken, binding ones carry a price, and the gap to the bound is small', async () => {
    const apps = applicants(20000, 7);
    const s = strategy({ minApprovalRate: 0.7, maxLossRate: 0.03, maxVolume: 20000 * 4500 });
    const m = candidateMatrix(apps, s);
    const cons = portfolioConstraints(m, s, null);
    const sol = await solvePortfolio(m, cons);
    assert.equal(sol.method, 'decomposition');
    for (const c of sol.constraints) {
      if (c.name === 'minApprovalRate') assert.ok(c.value >= c.limit - 1e-9, JSON.stringify(c));
      else assert.ok(c.value <= c.limit + 1e-9 * Math.max(1, c.limit), JSON.stringify(c));
      if (c.shadowPrice > 0) assert.ok(c.binding);
    }
    assert.ok(
      sol.constraints.some((c) => c.binding),
      'these limits bind',
    );
    assert.ok((sol.upperBound - sol.objective) / sol.upperBound < 0.001, `gap ${sol.objective} vs ${sol.upperBound}`);
  });

  test('constraints that cannot hold together are named', async () => {
    const apps = applicants(300, 3);
    const s = strategy({ minApprovalRate: 0.9, maxLossRate: 0.005 });
    const m = candidateMatrix(apps, s);
    await assert.rejects(solvePortfolio(m, portfolioConstraints(m, s, null)), (err: unknown) => {
      assert.ok(err instanceof InfeasibleError);
      assert.deepEqual(err.constraints.map((c) => c.name).sort(), ['maxLossRate', 'minApprovalRate']);
      assert.match(err.message, /approval rate at least 90%/);
      assert.match(err.message, /expected loss rate at most 0.5%/);
      return true;
    });
  });
});

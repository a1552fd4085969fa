// A wall-clock budget shared by the steps of one compare. Slow steps check it
// and fall back to a cheaper answer instead of hanging, and say so (the names
// of the steps that gave up end up in `engine.budgetExceeded`).

export interface Budget {
  /** Milliseconds left, never negative. */
  remaining(): number;
  /** True once the budget is spent; records `step` as having given up. */
  exhausted(step: string): boolean;
  /** Steps that ran out of time, in order, without duplicates. */
  readonly exceeded: string[];
}

export type Clock = () => number;

// `performance` exists in every runtime the engine targets (Node, Electron,
// browsers); declared here because shared/ compiles without Node or DOM types.
declare const performance: { now(): number };
const defaultClock: Clock = () => performance.now();

export function createBudget(ms: number, clock: Clock = defaultClock): Budget {
  const deadline = clock() + ms;
  const exceeded: string[] = [];
  return {
    exceeded,
    remaining: () => Math.max(0, deadline - clock()),
    exhausted(step: string): boolean {
      if (clock() < deadline) return false;
      if (!exceeded.includes(step)) exceeded.push(step);
      return true;
    },
  };
}

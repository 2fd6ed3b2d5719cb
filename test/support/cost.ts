// Narrows a cost breakdown to a priced one for tests of models that give `costs` (fails loudly otherwise).

import type { CostBreakdown, PricedCost } from '../../src/analyze/cost.js';

export function priced(cost: CostBreakdown): PricedCost {
  if (!cost.given) throw new Error('expected a model with `costs`, got "no costs given"');
  return cost;
}

// Claim 8 (README, "What the guide's claims mean, precisely"): determinism: the same model and question give JSON-identical whatIf and analyzeDepth output
// Not a sentence of the guide: the engine's own promise, without which no check of the guide means
// anything (style.md: "repeats a computation and demands identical output").

import { describe, it } from 'vitest';
import { checkClaim } from './check.js';
import { determinism } from './claims/determinism.js';

describe('guide claim 8', () => {
  it("determinism: the same model and question give JSON-identical whatIf and analyzeDepth output", () => {
    checkClaim(determinism);
  });
});

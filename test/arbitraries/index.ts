// Arbitraries for the guide's claims: random valid deployment models, and shared/separated pairs.

export * from './document.js';
export * from './model.js';
export * from './pair.js';
export * from './common.js';

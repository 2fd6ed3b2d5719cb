// Trust between organizations lives in src/analyze/trust.ts (the model's `trust` and a policy file's
// `trusted` combine there); re-exported for the policies.

export { NO_TRUST, modelTrust, trustOf, type Trust } from '../analyze/trust.js';

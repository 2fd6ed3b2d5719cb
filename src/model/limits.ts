// The sizes indepth accepts, checked while a model is read and before anything is allocated for it,
// so a typo like `count: 1e9` is a positioned error instead of an out-of-memory crash.

/** Principals in one model (users × `count`): about 2M users compile to some 17M graph nodes. */
export const MAX_PRINCIPALS = 2_000_000;
/** Session hosts in one host pool. */
export const MAX_VMS_PER_POOL = 100_000;
/** Session hosts in one model, pooled and personal together. */
export const MAX_VMS = 1_000_000;
/** Any one price (per hour or per month), in the model's currency: beyond it sums lose precision. */
export const MAX_PRICE = 1_000_000_000;
/** Hours in the longest month. */
export const MAX_HOURS_PER_MONTH = 744;
/** Days in a century: patch cadences and times to exploit. */
export const MAX_DAYS = 36_500;

// Defaults of the risk and cost knobs that a model file may set, in one place for the model schema
// (src/model/schema.ts) and the risk engine. Every figure is an assumption: docs/risk.md says why.

/** Days from a fix's release until it is deployed on the session hosts (a monthly patch cycle). */
export const DEFAULT_PATCH_DAYS = 30;

/** Mean days from a vulnerability's disclosure until a working exploit is in use (Mandiant, 2023: 5). */
export const DEFAULT_EXPLOIT_DAYS = 5;

/** Users per multi-session host when a pool is sized from its users (the generator's figure). */
export const DEFAULT_SESSIONS_PER_HOST = 12;

/** Share of hours a pooled session host is deallocated off-peak (0: always on). */
export const DEFAULT_OFF_PEAK_SHUTDOWN = 0;

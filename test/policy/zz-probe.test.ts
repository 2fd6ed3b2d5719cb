import { it, expect } from 'vitest';
import Ajv04 from 'ajv-draft-04';
import { Ajv2020 } from 'ajv/dist/2020.js';
it('x', () => { const a = new Ajv04({ strict: false }); const b = new Ajv2020({ strict: false }); expect(typeof a.compile).toBe('function'); expect(typeof b.compile).toBe('function'); });

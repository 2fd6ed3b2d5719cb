// Values of Terraform expressions as the importer evaluates them: JSON-like data, or Unknown — a
// value only `terraform apply` would know (a random suffix, a data source lookup, an unset variable).

export class Unknown {
  /**
   * `placeholder` names the unknown value as written (`{var.environment}`), so a name built from it
   * stays recognisable (`vdpool-poc1-{var.environment}`) and two uses of it stay equal.
   */
  constructor(
    readonly reason: string,
    readonly placeholder: string | null = null,
  ) {}
}

export type HclValue = null | boolean | number | string | Unknown | HclValue[] | { [key: string]: HclValue };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isObject(value: HclValue | undefined): value is { [key: string]: HclValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

/** The first Unknown inside a value (deeply), or null when it is fully known. */
export function firstUnknown(value: HclValue): Unknown | null {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const u = firstUnknown(item);
      if (u !== null) return u;
    }
  } else if (isObject(value)) {
    for (const item of Object.values(value)) {
      const u = firstUnknown(item);
      if (u !== null) return u;
    }
  }
  return null;
}

export function toText(value: HclValue): string | Unknown {
  if (value instanceof Unknown) return value;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Unknown('a list or object used as a string');
}

/** Every Unknown inside a value (deeply), in order. */
export function allUnknowns(value: HclValue): Unknown[] {
  if (value instanceof Unknown) return [value];
  if (Array.isArray(value)) return value.flatMap(allUnknowns);
  if (isObject(value)) return Object.values(value).flatMap(allUnknowns);
  return [];
}

/** A seeded source of randomness (mulberry32): the same seed replays the same requests. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** Values an attacker or a broken client sends: wrong types, unstorable text, extremes, injections. */
export const hostileStrings = [
  '', ' ', 'a\u0000b', '\u0000', '\ud800', 'x\udc00', '\ufeffbom', '%ZZ', 'abc%', '%C0%AE', '../../etc/passwd', "' OR 1=1 --",
  '<script>alert(1)</script>', 'x'.repeat(5000), '9999-12-31', '10000-01-01T00:00:00Z', '-1', '1e400', 'NaN', '__proto__',
  'constructor', 'rejection/x/1', 'order/', '\u202e', '😀', 'null', 'true', '0x10', '2025-02-30',
];
const hostileValues: unknown[] = [
  null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, [], {}, [null], { __proto__: { polluted: true } },
  ...hostileStrings,
];

type Schema = Record<string, any>;

/**
 * Values for a JSON Schema (the subset zod emits): mostly well-formed so requests get past the
 * first check and reach deeper code, with hostile values mixed in at every level.
 */
export class Sampler {
  constructor(
    private readonly random: Random,
    private readonly components: Record<string, Schema> = {},
    /** Real ids of the tenant, so some requests reach existing rows. */
    private readonly ids: readonly string[] = [],
  ) {}

  hostile(): unknown {
    return this.random.pick(hostileValues);
  }

  value(schema: Schema | undefined, depth = 0): unknown {
    if (!schema || depth > 8) return this.hostile();
    if (this.random.chance(0.08)) return this.hostile();
    if (schema.$ref) return this.value(this.components[String(schema.$ref).split('/').pop() as string], depth + 1);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return this.value(this.random.pick(choices as Schema[]), depth + 1);
    if (schema.allOf) return this.value((schema.allOf as Schema[])[0], depth + 1);
    if ('const' in schema) return schema.const;
    if (schema.enum) return this.random.pick(schema.enum as unknown[]);
    const type = Array.isArray(schema.type) ? this.random.pick(schema.type as string[]) : schema.type;
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array': {
        const max = Math.min(schema.maxItems ?? 4, 4);
        return Array.from({ length: this.random.int(schema.minItems ?? 0, Math.max(schema.minItems ?? 0, max)) }, () => this.value(schema.items, depth + 1));
      }
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'boolean':
        return this.random.chance(0.5);
      case 'null':
        return null;
      default:
        return this.random.chance(0.5) ? this.string({}) : this.hostile();
    }
  }

  private object(schema: Schema, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set<string>(schema.required ?? []);
    for (const [key, prop] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (required.has(key) ? this.random.chance(0.95) : this.random.chance(0.5)) out[key] = this.value(prop, depth + 1);
    }
    if (this.random.chance(0.05)) out[this.random.pick(hostileStrings)] = this.hostile();
    return out;
  }

  string(schema: Schema): string {
    if (schema.format === 'date-time') return new Date(this.random.int(0, 2 ** 41)).toISOString();
    if (schema.format === 'date') return new Date(this.random.int(0, 2 ** 41)).toISOString().slice(0, 10);
    if (this.ids.length > 0 && this.random.chance(0.4)) return this.random.pick(this.ids);
    if (this.random.chance(0.1)) return this.random.pick(hostileStrings);
    const min = schema.minLength ?? 1;
    const max = Math.min(schema.maxLength ?? 24, 24);
    const length = this.random.int(min, Math.max(min, max));
    return Array.from({ length }, () => this.random.pick([...'abcdefghijklmnopqrstuvwxyz0123456789-_ ']))
      .join('')
      .slice(0, schema.maxLength ?? Infinity);
  }

  private number(schema: Schema, integer: boolean): number {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 100_000;
    if (this.random.chance(0.15)) return this.random.pick([min, max, min - 1, max + 1]);
    const n = min + this.random.next() * Math.min(max - min, 1e6);
    return integer ? Math.round(n) : n;
  }
}

// A parser for Terraform's expression language (HCL native syntax) inside the template strings that
// @cdktf/hcl2json returns for every expression (`"${var.prefix}-${count.index + 1}"`). hcl2json
// parses the configuration's blocks and reports their syntax errors; it exposes no evaluator, so
// expressions are parsed here into a small tree that evaluate.ts walks.

export type Expr =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string }
  | { readonly kind: 'template'; readonly parts: readonly Expr[] }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'attr'; readonly target: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly target: Expr; readonly key: Expr }
  | { readonly kind: 'splat'; readonly target: Expr; readonly each: readonly Step[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expand: boolean }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly value: Expr }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'conditional'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: readonly { readonly key: Expr; readonly value: Expr }[] }
  | { readonly kind: 'for'; readonly keyVar: string | null; readonly valueVar: string; readonly collection: Expr; readonly keyExpr: Expr | null; readonly valueExpr: Expr; readonly condition: Expr | null; readonly grouped: boolean };

export type Step = { readonly kind: 'attr'; readonly name: string } | { readonly kind: 'index'; readonly key: Expr };

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses a template string: literal text with `${ … }` interpolations. */
export function parseTemplate(text: string): Expr {
  const parser = new Parser(text);
  const parts = parser.templateParts(text.length, null);
  if (parts.length === 1 && parts[0]?.kind !== 'literal') return parts[0] as Expr;
  return parts.length === 1 ? (parts[0] as Expr) : { kind: 'template', parts };
}

const BINARY: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  /** Literal text and interpolations up to `end`, or up to an unescaped `quote` (for nested strings). */
  templateParts(end: number, quote: string | null): Expr[] {
    const parts: Expr[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') parts.push({ kind: 'literal', value: text });
      text = '';
    };
    while (this.pos < end) {
      const c = this.src[this.pos] as string;
      if (quote !== null && c === quote) break;
      if (quote !== null && c === '\\') {
        const next = this.src[this.pos + 1] ?? '';
        text += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        this.pos += 2;
        continue;
      }
      if ((c === '$' || c === '%') && this.src[this.pos + 1] === '{') {
        if (this.src[this.pos - 1] === c && text.endsWith(c)) {
          // `$${` and `%%{` are escapes for a literal `${` / `%{`.
          text = `${text.slice(0, -1)}${c}{`;
          this.pos += 2;
          continue;
        }
        if (c === '%') throw new HclSyntaxError('template directives (%{ … }) are not supported', this.pos);
        flush();
        this.pos += 2;
        this.space();
        if (this.src[this.pos] === '~') this.pos += 1;
        parts.push(this.expression());
        this.space();
        if (this.src[this.pos] === '~') this.pos += 1;
        this.expect('}');
        continue;
      }
      text += c;
      this.pos += 1;
    }
    flush();
    return parts.length === 0 ? [{ kind: 'literal', value: '' }] : parts;
  }

  expression(): Expr {
    const test = this.binary(0);
    this.space();
    if (this.src[this.pos] === '?') {
      this.pos += 1;
      const then = this.expression();
      this.expect(':');
      const otherwise = this.expression();
      return { kind: 'conditional', test, then, otherwise };
    }
    return test;
  }

  private binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.space();
      const op = (BINARY[level] as readonly string[]).slice().sort((a, b) => b.length - a.length).find((o) => this.src.startsWith(o, this.pos) && !(o === '>' && this.src[this.pos - 1] === '=') && !this.src.startsWith('=>', this.pos));
      if (op === undefined || (op === '<' && this.src.startsWith('<<', this.pos))) return left;
      this.pos += op.length;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    this.space();
    const c = this.src[this.pos];
    if (c === '-' || c === '!') {
      this.pos += 1;
      return { kind: 'unary', op: c, value: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let target = start;
    for (;;) {
      this.space();
      if (this.src.startsWith('.*', this.pos) || this.src.startsWith('[*]', this.pos)) {
        this.pos += this.src[this.pos] === '.' ? 2 : 3;
        const each: Step[] = [];
        for (;;) {
          if (this.src[this.pos] === '.' && /[A-Za-z_]/.test(this.src[this.pos + 1] ?? '')) {
            this.pos += 1;
            each.push({ kind: 'attr', name: this.identifier() });
          } else if (this.src[this.pos] === '[' && this.src[this.pos + 1] !== '*') {
            break; // an index after a splat applies to the splat's result (`x.*.id[count.index]`)
          } else break;
        }
        target = { kind: 'splat', target, each };
        continue;
      }
      const c = this.src[this.pos];
      if (c === '.' && /[A-Za-z_]/.test(this.src[this.pos + 1] ?? '')) {
        this.pos += 1;
        target = { kind: 'attr', target, name: this.identifier() };
      } else if (c === '.' && /[0-9]/.test(this.src[this.pos + 1] ?? '')) {
        this.pos += 1;
        const digits = /^[0-9]+/.exec(this.src.slice(this.pos))?.[0] ?? '0';
        this.pos += digits.length;
        target = { kind: 'index', target, key: { kind: 'literal', value: Number(digits) } };
      } else if (c === '[') {
        this.pos += 1;
        const key = this.expression();
        this.expect(']');
        target = { kind: 'index', target, key };
      } else return target;
    }
  }

  private primary(): Expr {
    this.space();
    const c = this.src[this.pos];
    if (c === undefined) throw new HclSyntaxError('expected an expression', this.pos);
    if (c === '(') {
      this.pos += 1;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '"') {
      this.pos += 1;
      const parts = this.templateParts(this.src.length, '"');
      this.expect('"');
      return parts.length === 1 ? (parts[0] as Expr) : { kind: 'template', parts };
    }
    if (/[0-9]/.test(c)) {
      const num = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos))?.[0] ?? '0';
      this.pos += num.length;
      return { kind: 'literal', value: Number(num) };
    }
    if (c === '[') return this.tupleOrFor();
    if (c === '{') return this.objectOrFor();
    if (/[A-Za-z_]/.test(c)) {
      const name = this.identifier();
      if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
      if (name === 'null') return { kind: 'literal', value: null };
      this.space();
      if (this.src[this.pos] === '(' ) {
        this.pos += 1;
        const args: Expr[] = [];
        let expand = false;
        this.space();
        while (this.src[this.pos] !== ')') {
          args.push(this.expression());
          this.space();
          if (this.src.startsWith('...', this.pos)) {
            expand = true;
            this.pos += 3;
            this.space();
          }
          if (this.src[this.pos] === ',') this.pos += 1;
          else if (this.src[this.pos] !== ')') throw new HclSyntaxError(`expected \`,\` or \`)\` in the arguments of ${name}()`, this.pos);
          this.space();
        }
        this.pos += 1;
        return { kind: 'call', name, args, expand };
      }
      return { kind: 'name', name };
    }
    throw new HclSyntaxError(`unexpected \`${c}\` in an expression`, this.pos);
  }

  private tupleOrFor(): Expr {
    this.pos += 1;
    this.space();
    if (this.keyword('for')) return this.forRest(']');
    const items: Expr[] = [];
    while (this.src[this.pos] !== ']') {
      items.push(this.expression());
      this.space();
      if (this.src[this.pos] === ',') this.pos += 1;
      else if (this.src[this.pos] !== ']') throw new HclSyntaxError('expected `,` or `]` in a list', this.pos);
      this.space();
    }
    this.pos += 1;
    return { kind: 'tuple', items };
  }

  private objectOrFor(): Expr {
    this.pos += 1;
    this.space();
    if (this.keyword('for')) return this.forRest('}');
    const items: { key: Expr; value: Expr }[] = [];
    while (this.src[this.pos] !== '}') {
      const key = /[A-Za-z_]/.test(this.src[this.pos] ?? '') && !this.src.slice(this.pos).match(/^[A-Za-z_][A-Za-z0-9_-]*\s*\(/) ? { kind: 'literal' as const, value: this.identifier() } : this.expression();
      this.space();
      if (this.src[this.pos] === '=' || this.src[this.pos] === ':') this.pos += 1;
      else throw new HclSyntaxError('expected `=` or `:` after an object key', this.pos);
      const value = this.expression();
      items.push({ key, value });
      this.space();
      if (this.src[this.pos] === ',') this.pos += 1;
      this.space();
      if (this.pos >= this.src.length) throw new HclSyntaxError('unterminated object', this.pos);
    }
    this.pos += 1;
    return { kind: 'object', items };
  }

  private forRest(close: ']' | '}'): Expr {
    this.space();
    const first = this.identifier();
    this.space();
    let keyVar: string | null = null;
    let valueVar = first;
    if (this.src[this.pos] === ',') {
      this.pos += 1;
      this.space();
      keyVar = first;
      valueVar = this.identifier();
    }
    this.space();
    if (!this.keyword('in')) throw new HclSyntaxError('expected `in` in a for expression', this.pos);
    const collection = this.expression();
    this.expect(':');
    let keyExpr: Expr | null = null;
    let valueExpr = this.expression();
    this.space();
    if (close === '}' && this.src.startsWith('=>', this.pos)) {
      this.pos += 2;
      keyExpr = valueExpr;
      valueExpr = this.expression();
    }
    this.space();
    let grouped = false;
    if (this.src.startsWith('...', this.pos)) {
      grouped = true;
      this.pos += 3;
      this.space();
    }
    let condition: Expr | null = null;
    if (this.keyword('if')) condition = this.expression();
    this.expect(close);
    return { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouped };
  }

  private keyword(word: string): boolean {
    this.space();
    if (this.src.startsWith(word, this.pos) && !/[A-Za-z0-9_-]/.test(this.src[this.pos + word.length] ?? '')) {
      this.pos += word.length;
      this.space();
      return true;
    }
    return false;
  }

  private identifier(): string {
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos))?.[0];
    if (id === undefined) throw new HclSyntaxError('expected a name', this.pos);
    this.pos += id.length;
    return id;
  }

  private space(): void {
    for (;;) {
      while (/\s/.test(this.src[this.pos] ?? '')) this.pos += 1;
      if (this.src.startsWith('#', this.pos) || this.src.startsWith('//', this.pos)) {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos += 1;
      } else if (this.src.startsWith('/*', this.pos)) {
        const end = this.src.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.src.length : end + 2;
      } else return;
    }
  }

  private expect(token: string): void {
    this.space();
    if (!this.src.startsWith(token, this.pos)) throw new HclSyntaxError(`expected \`${token}\``, this.pos);
    this.pos += token.length;
  }
}

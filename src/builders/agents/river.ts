/**
 * A small writer for Grafana Alloy's configuration syntax (River): blocks, attributes and
 * values, laid out the way `alloy fmt` lays them out (tab indentation, the `=` of consecutive
 * attributes aligned, one object key per line with a trailing comma).
 */

/** An expression written as is: a component reference or a stdlib call. */
export class RiverExpr {
  constructor(readonly text: string) {}
}

/** A value an attribute can hold. */
export type RiverValue =
  string | number | boolean | RiverExpr | RiverValue[] | { [key: string]: RiverValue };

/** `name "label" { … }`; `label` is omitted for nested blocks such as `endpoint`. */
export interface RiverBlock {
  block: string;
  label?: string;
  body: RiverStatement[];
}

/** `name = value`. */
export interface RiverAttribute {
  attribute: string;
  value: RiverValue;
}

/** A blank line between statements, for reading. */
export interface RiverBlank {
  blank: true;
}

export type RiverStatement = RiverBlock | RiverAttribute | RiverBlank;

/** Shorthands for building statements. */
export const river = {
  block: (block: string, label: string | undefined, body: RiverStatement[]): RiverBlock =>
    label === undefined ? { block, body } : { block, label, body },
  attr: (attribute: string, value: RiverValue): RiverAttribute => ({ attribute, value }),
  expr: (text: string) => new RiverExpr(text),
  blank: { blank: true } as RiverBlank,
};

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The text of a whole file: top-level statements separated as given, final newline. */
export function renderRiver(statements: RiverStatement[], header: string[] = []): string {
  const comments = header.map((line) => `// ${line}`);
  const body = renderStatements(statements, 0);
  return [...comments, ...(comments.length ? [''] : []), ...body].join('\n') + '\n';
}

function renderStatements(statements: RiverStatement[], depth: number): string[] {
  const lines: string[] = [];
  let run: RiverAttribute[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.attribute.length));
    for (const a of run) {
      const head = `${'\t'.repeat(depth)}${a.attribute.padEnd(width)} = `;
      lines.push(head + renderValue(a.value, depth));
    }
    run = [];
  };
  for (const statement of statements) {
    if ('attribute' in statement) {
      // A multi-line value ends an alignment run, as in `alloy fmt`.
      const multiLine = renderValue(statement.value, depth).includes('\n');
      if (multiLine) flush();
      run.push(statement);
      if (multiLine) flush();
      continue;
    }
    flush();
    if ('blank' in statement) lines.push('');
    else lines.push(...renderBlock(statement, depth));
  }
  flush();
  return lines;
}

function renderBlock(block: RiverBlock, depth: number): string[] {
  const pad = '\t'.repeat(depth);
  const head = block.label === undefined ? block.block : `${block.block} ${quote(block.label)}`;
  if (block.body.length === 0) return [`${pad}${head} { }`];
  return [`${pad}${head} {`, ...renderStatements(block.body, depth + 1), `${pad}}`];
}

function renderValue(value: RiverValue, depth: number): string {
  if (value instanceof RiverExpr) return value.text;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => renderValue(item, depth));
    return `[${items.join(', ')}]`;
  }
  return renderObject(value, depth);
}

function renderObject(object: { [key: string]: RiverValue }, depth: number): string {
  const entries = Object.entries(object);
  if (entries.length === 0) return '{}';
  const keys = entries.map(([key]) => (identifier.test(key) ? key : quote(key)));
  const width = Math.max(...keys.map((k) => k.length));
  const inner = '\t'.repeat(depth + 1);
  const lines = entries.map(
    ([, child], i) => `${inner}${keys[i]!.padEnd(width)} = ${renderValue(child, depth + 1)},`,
  );
  return `{\n${lines.join('\n')}\n${'\t'.repeat(depth)}}`;
}

/** A River string literal: double quotes, with backslash, quote and control characters escaped. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Serialise documents to the exact bytes prettier writes for them (printWidth 100, the
 * repository's `.prettierrc.json`), without running prettier per file: prettier costs about
 * 5 ms per dashboard and 20 ms per YAML file here, this printer a few hundredths of that.
 * `test/emit/prettier-parity.test.ts` runs prettier over every file of `out/` and fails on any
 * byte of difference, so "formatted with prettier" stays true.
 */
import YAML from 'yaml';

export const printWidth = 100;

/** JSON with object keys sorted (stable across SDK versions), 2-space indent, final newline. */
export function toJson(document: unknown): string {
  return printJson(sortKeys(document), 0, '', true) + '\n';
}

/**
 * YAML in the document's own key order (builders write a fixed, reader-friendly order), block
 * scalars for multi-line strings, no line folding, single quotes where quoting is needed.
 */
export function toYaml(document: unknown): string {
  return YAML.stringify(document, {
    indent: 2,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: true,
    blockQuote: 'literal',
    aliasDuplicateObjects: false,
  });
}

/** Recursively sort object keys; arrays keep their order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}

/**
 * Print like prettier's JSON printer does for input that is already expanded: objects always
 * one key per line; arrays of scalars on one line when they fit, numbers filled line by line
 * when they do not, anything else one element per line.
 * `prefix` is what stands before the value on its line (`"key": `), `last` whether a comma
 * follows — both count against the print width, as in prettier's `fits`.
 */
function printJson(value: unknown, indent: number, prefix: string, last: boolean): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return printArray(value, indent, prefix, last);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = ' '.repeat(indent + 2);
    const lines = entries.map(([key, child], index) => {
      const keyText = `${JSON.stringify(key)}: `;
      const isLast = index === entries.length - 1;
      const body = printJson(child, indent + 2, inner + keyText, isLast);
      return `${inner}${keyText}${body}${isLast ? '' : ','}`;
    });
    return `{\n${lines.join('\n')}\n${pad}}`;
  }
  return JSON.stringify(value ?? null);
}

function printArray(items: unknown[], indent: number, prefix: string, last: boolean): string {
  if (items.length === 0) return '[]';
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 2);

  // Prettier always breaks an array of two or more arrays that each hold two or more items.
  const mustBreak =
    items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1);
  const flat = mustBreak ? undefined : flatJson(items);
  if (flat !== undefined && prefix.length + flat.length + (last ? 0 : 1) <= printWidth) return flat;
  if (items.length > 1 && items.every((item) => typeof item === 'number')) {
    return fillNumbers(items as number[], indent);
  }

  const lines = items.map((item, index) => {
    const isLast = index === items.length - 1;
    return `${inner}${printJson(item, indent + 2, inner, isLast)}${isLast ? '' : ','}`;
  });
  return `[\n${lines.join('\n')}\n${pad}]`;
}

/**
 * The one-line form of a value, or undefined when it has none: a non-empty object is always
 * printed expanded (prettier keeps the expansion of the input), which breaks every parent.
 */
function flatJson(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const part = flatJson(item);
      if (part === undefined) return undefined;
      parts.push(part);
    }
    return `[${parts.join(', ')}]`;
  }
  if (value && typeof value === 'object') {
    return Object.keys(value).length === 0 ? '{}' : undefined;
  }
  return JSON.stringify(value ?? null);
}

/** Prettier's `fill` for number arrays: as many per line as fit. */
function fillNumbers(numbers: number[], indent: number): string {
  const inner = ' '.repeat(indent + 2);
  const lines: string[] = [];
  let line = '';
  numbers.forEach((n, index) => {
    const text = JSON.stringify(n) + (index === numbers.length - 1 ? '' : ',');
    if (line && inner.length + line.length + 1 + text.length > printWidth) {
      lines.push(line);
      line = text;
    } else {
      line = line ? `${line} ${text}` : text;
    }
  });
  lines.push(line);
  return `[\n${lines.map((l) => inner + l).join('\n')}\n${' '.repeat(indent)}]`;
}

/** Serialise by the file's extension: `.json`, `.yaml`/`.yml`, or text as given. */
export function serialize(path: string, document: unknown): string {
  if (path.endsWith('.json')) return toJson(document);
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return toYaml(document);
  if (typeof document !== 'string') {
    throw new Error(`out/${path}: a text file needs a string document, got ${typeof document}`);
  }
  return document.endsWith('\n') ? document : document + '\n';
}

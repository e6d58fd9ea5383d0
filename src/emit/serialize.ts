/**
 * Serialise documents to the exact bytes prettier writes for them (printWidth 100, the
 * repository's `.prettierrc.json`), without running prettier per file: prettier costs about
 * 5 ms per dashboard and 20 ms per YAML file here, this printer a few hundredths of that.
 * `test/emit/prettier-parity.test.ts` runs prettier over every file of `out/` and fails on any
 * byte of difference, so "formatted with prettier" stays true.
 */

export const printWidth = 100;

/** JSON with object keys sorted (stable across SDK versions), 2-space indent, final newline. */
export function toJson(document: unknown): string {
  const out: string[] = [];
  printJson(out, document, 0, 0, true);
  out.push('\n');
  return out.join('');
}

/**
 * YAML in the document's own key order (builders write a fixed, reader-friendly order): block
 * style, sequences indented under their key, block literals for multi-line strings, no line
 * folding, single quotes where quoting is needed. Plain scalars are used only where YAML 1.1
 * readers (Prometheus, Alertmanager and Loki use Go's yaml.v2/v3) and YAML 1.2 readers agree
 * they are strings. Written by hand because the general YAML library costs ~0.6 ms per rule
 * group, which a 1,000-service build notices; `test/emit/` checks it parses back to the same
 * value and that prettier leaves it unchanged.
 */
export function toYaml(document: unknown): string {
  if (document === null || typeof document !== 'object') return `${yamlScalar(document, 0)}\n`;
  if (isEmpty(document)) return `${Array.isArray(document) ? '[]' : '{}'}\n`;
  return yamlBlock(document, 0).join('\n') + '\n';
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function isCollection(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !isEmpty(value);
}

/** Append the lines of a non-empty map or sequence at `indent` to `lines`. */
function yamlBlock(value: object, indent: number, lines: string[] = []): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item)) {
        const first = lines.length;
        yamlBlock(item, indent + 2, lines);
        lines[first] = `${pad}- ${lines[first]!.slice(indent + 2)}`;
      } else {
        withHead(lines, `${pad}- `, item, indent + 2);
      }
    }
    return lines;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined || typeof child === 'function') continue;
    const head = `${pad}${yamlKey(key)}:`;
    if (isCollection(child)) {
      lines.push(head);
      yamlBlock(child, indent + 2, lines);
    } else {
      withHead(lines, `${head} `, child, indent + 2);
    }
  }
  return lines;
}

/** A scalar (or empty collection) after `head`; block literals continue on the next lines. */
function withHead(lines: string[], head: string, value: unknown, indent: number): void {
  const text = yamlScalar(value, indent);
  const newline = text.indexOf('\n');
  if (newline < 0) lines.push(head + text);
  else lines.push(head + text.slice(0, newline), text.slice(newline + 1));
}

function yamlKey(key: string): string {
  return yamlString(key, 0, false);
}

function yamlScalar(value: unknown, indent: number): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  return yamlString(String(value), indent, true);
}

// YAML 1.1 readers take these as booleans or null; quote them.
const reserved = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const numberLike =
  /^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^[-+]?\.(?:inf|nan)$|^0[xXoObB]|^\d+(?::\d+)+$|^\d{4}-\d\d?-\d\d?/i;
const plainSafe = /^[A-Za-z0-9_/.$(][^\n\t]*$/;

function yamlString(text: string, indent: number, allowBlock: boolean): string {
  if (text === '') return "''";
  if (/[\u0000-\u0008\u000b-\u001f\u007f\r]/.test(text)) return JSON.stringify(text);
  if (text.includes('\n')) {
    return allowBlock ? blockLiteral(text, indent) : JSON.stringify(text);
  }
  const plain =
    plainSafe.test(text) &&
    !reserved.test(text) &&
    !numberLike.test(text) &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !text.endsWith(':') &&
    !text.endsWith(' ') &&
    !text.startsWith('- ');
  return plain ? text : `'${text.replace(/'/g, "''")}'`;
}

/** `|-` (no final newline), `|` (one) or `|+` (more), content indented under the key. */
function blockLiteral(text: string, indent: number): string {
  const trailing = /\n*$/.exec(text)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const body = trailing === 0 ? text : text.slice(0, text.length - trailing);
  const lines = body.split('\n');
  if (/^\s/.test(lines[0] ?? '') || lines.some((l) => /\s$/.test(l))) return JSON.stringify(text);
  const pad = ' '.repeat(indent);
  const content = lines.map((line) => (line === '' ? '' : pad + line));
  for (let i = 1; i < trailing; i += 1) content.push('');
  return [`|${chomp}`, ...content].join('\n');
}

function isJsonless(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * An object's keys as JSON holds them: sorted, without what JSON cannot hold (undefined values
 * and functions, as `JSON.stringify` drops them: the SDK's builders leave marker functions such
 * as `_implementsDataqueryVariant` on query objects).
 */
function jsonKeys(value: object): string[] {
  const keys = Object.keys(value).filter(
    (key) => !isJsonless((value as Record<string, unknown>)[key]),
  );
  return keys.sort();
}

/**
 * Print like prettier's JSON printer does for input that is already expanded: objects always
 * one key per line; arrays of scalars on one line when they fit, numbers filled line by line
 * when they do not, anything else one element per line. Pieces are appended to `out`, joined
 * once by the caller. `before` is the width of what stands before the value on its line
 * (`"key": `), `last` whether a comma follows — both count against the print width, as in
 * prettier's `fits`. Items JSON cannot hold print as `null` in arrays, as `JSON.stringify` does.
 */
function printJson(out: string[], value: unknown, indent: number, before: number, last: boolean) {
  if (Array.isArray(value)) {
    printArray(out, value, indent, before, last);
  } else if (value !== null && typeof value === 'object') {
    const keys = jsonKeys(value);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = ' '.repeat(indent + 2);
    out.push('{');
    keys.forEach((key, index) => {
      const keyText = `${JSON.stringify(key)}: `;
      const isLast = index === keys.length - 1;
      out.push('\n', inner, keyText);
      printJson(
        out,
        (value as Record<string, unknown>)[key],
        indent + 2,
        inner.length + keyText.length,
        isLast,
      );
      if (!isLast) out.push(',');
    });
    out.push('\n', ' '.repeat(indent), '}');
  } else {
    out.push(isJsonless(value) ? 'null' : JSON.stringify(value));
  }
}

function printArray(
  out: string[],
  items: unknown[],
  indent: number,
  before: number,
  last: boolean,
) {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  // Prettier always breaks an array of two or more arrays that each hold two or more items.
  const mustBreak =
    items.length > 1 && items.every((item) => Array.isArray(item) && item.length > 1);
  const flat = mustBreak ? undefined : flatJson(items);
  if (flat !== undefined && before + flat.length + (last ? 0 : 1) <= printWidth) {
    out.push(flat);
    return;
  }
  if (items.length > 1 && items.every((item) => typeof item === 'number')) {
    out.push(fillNumbers(items as number[], indent));
    return;
  }
  const inner = ' '.repeat(indent + 2);
  out.push('[');
  items.forEach((item, index) => {
    const isLast = index === items.length - 1;
    out.push('\n', inner);
    printJson(out, item, indent + 2, inner.length, isLast);
    if (!isLast) out.push(',');
  });
  out.push('\n', ' '.repeat(indent), ']');
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
  if (value !== null && typeof value === 'object') {
    return jsonKeys(value).length === 0 ? '{}' : undefined;
  }
  return isJsonless(value) ? 'null' : JSON.stringify(value);
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

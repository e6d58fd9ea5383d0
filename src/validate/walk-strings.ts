/**
 * Visit values of a JSON document with their dotted paths, building a path only for the values
 * a caller keeps: walking every key of a thousand dashboards must not allocate a string each.
 */

/** Called for each string value; `path()` builds its dotted JSON path on demand. */
export type StringVisitor = (value: string, key: string, path: () => string) => void;

/** Visit every string value of `document` (and, through `onObject`, every object). */
export function walkStrings(
  document: unknown,
  visit: StringVisitor,
  onObject?: (record: Record<string, unknown>, path: () => string) => boolean | void,
): void {
  const parts: (string | number)[] = [];
  const path = () =>
    parts.reduce<string>(
      (text, part) =>
        typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
      '',
    );

  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      visit(value, key, path);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        parts.push(i);
        walk(value[i], key);
        parts.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    if (onObject?.(record, path) === false) return;
    for (const child in record) {
      parts.push(child);
      walk(record[child], child);
      parts.pop();
    }
  };
  walk(document, '');
}

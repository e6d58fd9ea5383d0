/**
 * Turn ajv errors into findings a person can act on: the JSON path in our dotted form (which
 * `sourceForPath` maps to the builder call), the value found, and what was expected.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { schemaDir } from './schemas.ts';

/** Patterns of the shared value types, by pattern, to say "a duration" rather than a regex. */
const patternNames = new Map(
  Object.values(
    (
      JSON.parse(fs.readFileSync(path.join(schemaDir, 'common.schema.json'), 'utf8')) as {
        definitions: Record<string, { pattern?: string; description?: string }>;
      }
    ).definitions,
  )
    .filter((d) => d.pattern && d.description)
    .map((d) => [d.pattern!, d.description!]),
);

export interface SchemaProblem {
  /** `panels[3].gridPos.w`, or undefined for the document itself. */
  path: string | undefined;
  message: string;
}

/** Composite keywords whose sub-errors say more than they do. */
const composite = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'then', 'else', 'propertyNames']);

/** The problems of one validation, composite errors dropped, in a stable order, at most 20. */
export function schemaProblems(
  errors: ErrorObject[] | null | undefined,
  document: unknown,
): SchemaProblem[] {
  const specific = (errors ?? []).filter((e) => !composite.has(e.keyword));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of specific.length ? specific : (errors ?? [])) {
    const problem = describe(error, valueAt(document, error.instancePath));
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems.slice(0, 20);
}

/** `/panels/3/gridPos` → `panels[3].gridPos`. */
export function dottedPath(pointer: string): string | undefined {
  if (!pointer) return undefined;
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      '',
    );
}

/** The value at a JSON pointer (ajv reports values only in its slower verbose mode). */
function valueAt(document: unknown, pointer: string): unknown {
  let value = document;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

function describe(error: ErrorObject, data: unknown): SchemaProblem {
  const path = dottedPath(error.instancePath);
  const subject = path ? `\`${path}\`` : 'the document';
  const value = show(data);
  const p = error.params as Record<string, unknown>;
  const expected = error.keyword === 'pattern' ? patternNames.get(String(p.pattern)) : undefined;
  const at = (child: string) => (path ? `${path}.${child}` : child);

  switch (error.keyword) {
    case 'additionalProperties':
      return {
        path: at(String(p.additionalProperty)),
        message: `unknown field \`${at(String(p.additionalProperty))}\``,
      };
    case 'required':
      return {
        path,
        message: `${subject} is missing required field \`${String(p.missingProperty)}\``,
      };
    case 'enum':
      return {
        path,
        message: `${subject} is ${value}; expected one of ${(p.allowedValues as unknown[]).map(show).join(', ')}`,
      };
    case 'const':
      return { path, message: `${subject} is ${value}; expected ${show(p.allowedValue)}` };
    case 'type':
      return { path, message: `${subject} is ${value}; expected a ${String(p.type)}` };
    case 'pattern':
      if (error.propertyName !== undefined) {
        return {
          path,
          message: `${subject} has key \`${error.propertyName}\`; expected ${expected ?? `a match of /${String(p.pattern)}/`}`,
        };
      }
      return {
        path,
        message: `${subject} is ${value}; expected ${expected ?? `a match of /${String(p.pattern)}/`}`,
      };
    case 'false schema':
      return { path, message: `${subject} is not allowed here` };
    default:
      return { path, message: `${subject} ${error.message ?? 'is invalid'} (found ${value})` };
  }
}

function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}

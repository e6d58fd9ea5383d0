/**
 * `schema/invalid`: every artifact matches the JSON schema of its kind (`schemas/`): dashboards
 * the schema derived from the foundation SDK's types, everything else a hand-written schema of
 * the format its server reads. Each problem is located at the builder call that made the value.
 */
import YAML from 'yaml';
import { kinds } from '../../compile/kinds.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { schemaProblems } from '../schema/errors.ts';
import { schemaOfKind, validatorFor } from '../schema/schemas.ts';

export const schemaInvalid: Check = {
  rules: ['schema/invalid'],
  run({ resources }) {
    return resources.flatMap(check);
  },
};

function check(resource: Resource): Diagnostic[] {
  const document = documentOf(resource);
  if (document.skip) return [];
  if (document.error) return [invalid(resource, undefined, document.error)];

  const validate = validatorFor(resource.kind);
  if (validate(document.value)) return [];
  const schema = schemaOfKind[resource.kind].split('#')[0];
  return schemaProblems(validate.errors, document.value).map((problem) =>
    invalid(resource, problem.path, `${problem.message} (schemas/${schema})`),
  );
}

function invalid(resource: Resource, path: string | undefined, message: string): Diagnostic {
  return finding(
    'schema/invalid',
    'error',
    resource,
    path,
    message,
    'fix the builder call that sets this value',
  );
}

/**
 * The document to validate: the body; a YAML text body parsed. Text that is not YAML (an Alloy
 * config) has no JSON schema and is skipped.
 */
function documentOf(resource: Resource): { value?: unknown; error?: string; skip?: boolean } {
  if (typeof resource.body !== 'string') return { value: resource.body ?? null };
  const file = kinds[resource.kind].file(resource);
  if (!/\.ya?ml$/.test(file)) return { skip: true };
  try {
    return { value: YAML.parse(resource.body) };
  } catch (error) {
    return {
      error: `\`out/${file}\` is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

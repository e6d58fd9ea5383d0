// Types of the generated `validators.gen.cjs` (see scripts/gen-dashboard-schema.ts): one ajv
// validator per resource kind, under `exportName(kind)`, and the hash of what made them.
import type { ValidateFunction } from 'ajv';

declare const validators: { schemaHash: string } & Record<string, ValidateFunction | undefined>;
export = validators;

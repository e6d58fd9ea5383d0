/**
 * The JSON schemas of every artifact kind (`schemas/*.schema.json`) and their compiled
 * validators. Compiling them with ajv costs about a second here (the dashboard schema derived
 * from the SDK is large), so `scripts/gen-dashboard-schema.ts` compiles them once into
 * `validators.gen.cjs`, stamped with a hash of the schema files and the ajv version. A build
 * loads that module in milliseconds; when the stamp does not match (a schema was edited and the
 * script not rerun) it compiles the schemas itself, slower but never wrong.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type AjvModule from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { ResourceKind } from '../../model/resource.ts';
import { repoRoot } from '../../model/source.ts';
// Imported, not read at run time, so the CLI bundle holds it and its code cache covers it.
import precompiled from './validators.gen.cjs';

const require = createRequire(import.meta.url);

type Ajv = InstanceType<typeof AjvModule.default>;

/** ajv itself, loaded only when schemas must be compiled (the precompiled module needs none). */
function ajvClass(): typeof AjvModule.default {
  const module = require('ajv') as typeof AjvModule & { default?: typeof AjvModule.default };
  return module.default ?? (module as unknown as typeof AjvModule.default);
}

/** The `$id` prefix of every schema of `schemas/`. */
export const schemaBase = 'https://virtualpet.example/schemas/';

/** The schema (file, and definition inside it) each resource kind's body must match. */
export const schemaOfKind: Record<ResourceKind, string> = {
  folder: 'grafana-folder.schema.json',
  datasource: 'grafana-datasource.schema.json#/definitions/datasource',
  dashboard: 'grafana-dashboard.schema.json',
  'grafana-rule-group': 'grafana-alerting.schema.json#/definitions/ruleGroupResource',
  'grafana-rule-group-api': 'grafana-alerting.schema.json#/definitions/apiRuleGroup',
  'contact-point': 'grafana-alerting.schema.json#/definitions/contactPoint',
  'notification-policy': 'grafana-alerting.schema.json#/definitions/policy',
  'mute-timing': 'grafana-alerting.schema.json#/definitions/muteTiming',
  'prometheus-rule-group': 'prometheus-rules.schema.json#/definitions/ruleGroup',
  'loki-rule-group': 'loki-rules.schema.json#/definitions/ruleGroup',
  'promtool-test': 'promtool-tests.schema.json',
  'scrape-config': 'prometheus-config.schema.json',
  'alertmanager-config': 'alertmanager-config.schema.json',
  'retention-policy': 'retention.schema.json',
  'agent-config': 'agent-config.schema.json',
};

/** The folder holding the schema files. */
export const schemaDir = path.join(repoRoot, 'schemas');

/** The precompiled validators module. */
export const validatorsModule = path.join(repoRoot, 'src/validate/schema/validators.gen.cjs');

/** ajv options, the same for the precompiled module and the fallback. */
export const ajvOptions = { allErrors: true, strict: false, inlineRefs: false } as const;

/** The name a kind's validator is exported under in the precompiled module. */
export function exportName(kind: ResourceKind): string {
  return kind.replace(/-/g, '_');
}

/** The schema files, parsed, in name order. */
export function readSchemas(): { file: string; text: string }[] {
  return fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(schemaDir, file), 'utf8') }));
}

/** A hash of the schema files and the ajv version: what the precompiled validators were made from. */
export function schemaHash(): string {
  const hash = createHash('sha256');
  hash.update((require('ajv/package.json') as { version: string }).version);
  for (const { file, text } of readSchemas()) hash.update(`\u0000${file}\u0000${text}`);
  return hash.digest('hex');
}

/** A fresh ajv instance holding every schema. */
export function newAjv(extra: Record<string, unknown> = {}): Ajv {
  const Ajv = ajvClass();
  const ajv = new Ajv({ ...ajvOptions, ...extra });
  for (const { text } of readSchemas()) ajv.addSchema(JSON.parse(text) as object);
  return ajv;
}

let validators: Map<ResourceKind, ValidateFunction> | undefined;

/** The compiled validator of `kind`. */
export function validatorFor(kind: ResourceKind): ValidateFunction {
  validators ??= loadValidators();
  const validate = validators.get(kind);
  if (!validate) throw new Error(`no schema for resource kind \`${kind}\` in schemas/`);
  return validate;
}

/** Whether the precompiled module matches the schema files. */
export function precompiledIsFresh(): boolean {
  if (!fs.existsSync(validatorsModule)) return false;
  const module = require(validatorsModule) as { schemaHash?: string };
  return module.schemaHash === schemaHash();
}

function loadValidators(): Map<ResourceKind, ValidateFunction> {
  const kinds = Object.keys(schemaOfKind) as ResourceKind[];
  if (precompiled.schemaHash === schemaHash()) {
    return new Map(
      kinds
        .filter((k) => precompiled[exportName(k)])
        .map((k) => [k, precompiled[exportName(k)] as ValidateFunction]),
    );
  }
  const ajv = newAjv();
  return new Map(kinds.map((k) => [k, ajv.getSchema(schemaBase + schemaOfKind[k])!]));
}

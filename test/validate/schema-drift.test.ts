/**
 * The dashboard schema follows the SDK: the committed `schemas/grafana-dashboard.schema.json`
 * must equal what `scripts/gen-dashboard-schema.ts` derives from the installed SDK's types, and
 * the precompiled validators must match the schema files (`npx tsx scripts/gen-dashboard-schema.ts`
 * refreshes both).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dashboardSchemaFile,
  generateDashboardSchema,
} from '../../scripts/gen-dashboard-schema.ts';
import { precompiledIsFresh } from '../../src/validate/schema/schemas.ts';

describe('schemas', () => {
  it('the committed dashboard schema is what the SDK types generate', () => {
    const committed = JSON.parse(fs.readFileSync(dashboardSchemaFile, 'utf8')) as unknown;
    expect(committed).toEqual(generateDashboardSchema());
  }, 60_000);

  it('the precompiled validators were made from the schema files as they are', () => {
    expect(precompiledIsFresh()).toBe(true);
  });
});

/** The Prometheus files the build generates, rendered in memory exactly as `out/` holds them. */
import { compile } from '../../src/compile/compile.ts';
import { render } from '../../src/emit/emit.ts';
import { loadDefinitions } from '../../src/load/load.ts';
import type { Resource } from '../../src/model/resource.ts';
import { repoRoot } from '../../src/model/source.ts';

export interface Generated {
  resources: Resource[];
  /** `out/`-relative path → file text. */
  files: Map<string, string>;
  /** `out/prometheus/prometheus.yml`. */
  scrapeConfig: string;
  /** `out/prometheus/rules/*.yaml`, by file name. */
  ruleFiles: Map<string, string>;
}

/** Load every definition of the repository and render its `out/` files. */
export async function generated(): Promise<Generated> {
  const loaded = await loadDefinitions(repoRoot);
  const rendered = render(compile(loaded.resources).files);
  const files = new Map(rendered.map((file) => [file.path, file.text]));
  const scrapeConfig = files.get('prometheus/prometheus.yml');
  if (!scrapeConfig) throw new Error('the build made no prometheus/prometheus.yml');
  const ruleFiles = new Map(
    [...files]
      .filter(([file]) => /^prometheus\/rules\/[^/]+\.yaml$/.test(file))
      .map(([file, text]) => [file.slice('prometheus/rules/'.length), text]),
  );
  return { resources: loaded.resources, files, scrapeConfig, ruleFiles };
}

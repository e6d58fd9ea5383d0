/**
 * `retention/loki-selector-invalid`: a per-stream retention selector must be a LogQL stream
 * selector (parsed with `@grafana/lezer-logql`) with one matcher that is not empty-compatible.
 * `retention/loki-selector-matches-nothing`: it must select at least one stream the agents
 * produce, service × env × level from the catalog, the environments and the log levels; one
 * that selects none (a typo, a label we do not set) silently keeps the default period.
 */
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { logStreamLabels } from '../../conventions/log-fields.ts';
import { catalogStreams, loadPlatform } from '../../retention/platform.ts';
import { parseStreamSelector, selects } from '../../retention/selector.ts';
import { lokiPolicies } from './retention-loki-period.ts';

const invalid = 'retention/loki-selector-invalid';
const matchesNothing = 'retention/loki-selector-matches-nothing';

export const retentionLokiSelector: Check = {
  rules: [invalid, matchesNothing],
  async run({ resources, root }) {
    const policies = lokiPolicies(resources);
    if (policies.length === 0) return [];
    const streams = catalogStreams(await loadPlatform(root));

    return policies.flatMap((resource) =>
      (resource.body.limits_config.retention_stream ?? []).flatMap((rule, i) => {
        const path = `limits_config.retention_stream[${i}].selector`;
        const parsed = parseStreamSelector(rule.selector);
        if (!parsed.ok) {
          return [
            finding(
              invalid,
              'error',
              resource,
              path,
              `selector \`${rule.selector}\` is not a LogQL stream selector: ${parsed.error} at offset ${parsed.offset}`,
              'write a bare selector such as {service="pets", level="debug"}',
            ),
          ];
        }
        if (streams.some((labels) => selects(parsed.matchers, labels))) return [];
        const unknown = parsed.matchers
          .map((m) => m.label)
          .filter((l) => !(logStreamLabels as readonly string[]).includes(l));
        const why = unknown.length
          ? `the agents set no label ${unknown.map((l) => `\`${l}\``).join(', ')}`
          : 'no catalog service, environment and level combination has these values';
        return [
          finding(
            matchesNothing,
            'error',
            resource,
            path,
            `selector \`${rule.selector}\` matches no stream the agents produce: ${why}`,
            `streams carry only ${logStreamLabels.join(', ')}; values come from platform/catalog.ts, platform/environments.ts and the log levels`,
          ),
        ];
      }),
    );
  },
};

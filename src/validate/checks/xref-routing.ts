/**
 * `xref/receiver`, `xref/contact-point`, `xref/mute-timing`: every receiver an Alertmanager route
 * names is one of its `receivers`; every contact point a Grafana notification policy names is a
 * contact-point resource; every mute timing a route names exists. Alertmanager refuses such a
 * config at reload, Grafana at provisioning — after the build, during the push.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { closest } from '../closest.ts';

interface RouteJson {
  receiver?: string;
  routes?: RouteJson[];
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
}

interface AlertmanagerJson {
  route?: RouteJson;
  receivers?: { name?: string }[];
  time_intervals?: { name?: string }[];
  mute_time_intervals?: { name?: string }[];
}

export const xrefRouting: Check = {
  rules: ['xref/receiver', 'xref/contact-point', 'xref/mute-timing'],
  run({ resources }) {
    const diagnostics: Diagnostic[] = [];
    for (const resource of resources.filter((r) => r.kind === 'alertmanager-config')) {
      const body = (resource.body ?? {}) as AlertmanagerJson;
      const receivers = names(body.receivers);
      const intervals = new Set([
        ...names(body.time_intervals),
        ...names(body.mute_time_intervals),
      ]);
      if (body.route) {
        check(
          resource,
          body.route,
          'route',
          { receivers, intervals, rule: 'xref/receiver', noun: 'receiver' },
          diagnostics,
        );
      }
    }

    const contactPoints = new Set(resources.filter((r) => r.kind === 'contact-point').map(nameOf));
    const muteTimings = new Set(resources.filter((r) => r.kind === 'mute-timing').map(nameOf));
    for (const resource of resources.filter((r) => r.kind === 'notification-policy')) {
      const refs = {
        receivers: contactPoints,
        intervals: muteTimings,
        rule: 'xref/contact-point',
        noun: 'contact point',
      };
      check(resource, resource.body as RouteJson, '', refs, diagnostics);
    }
    return diagnostics;
  },
};

interface Refs {
  receivers: Set<string>;
  intervals: Set<string>;
  rule: string;
  noun: string;
}

function names(list: { name?: string }[] | undefined): Set<string> {
  return new Set((list ?? []).map((item) => item?.name ?? '').filter(Boolean));
}

function nameOf(resource: Resource): string {
  return (resource.body as { name?: string })?.name ?? resource.title;
}

/** Check one route and its children, with JSON paths `route.routes[1].receiver`. */
function check(
  resource: Resource,
  route: RouteJson,
  path: string,
  refs: Refs,
  out: Diagnostic[],
): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (route.receiver && !refs.receivers.has(route.receiver)) {
    out.push(
      missing(resource, at('receiver'), refs.rule, refs.noun, route.receiver, refs.receivers),
    );
  }
  for (const key of ['mute_time_intervals', 'active_time_intervals'] as const) {
    route[key]?.forEach((name, index) => {
      if (!refs.intervals.has(name)) {
        out.push(
          missing(
            resource,
            `${at(key)}[${index}]`,
            'xref/mute-timing',
            'time interval',
            name,
            refs.intervals,
          ),
        );
      }
    });
  }
  route.routes?.forEach((child, index) =>
    check(resource, child, `${at('routes')}[${index}]`, refs, out),
  );
}

function missing(
  resource: Resource,
  path: string,
  rule: string,
  noun: string,
  name: string,
  known: Set<string>,
): Diagnostic {
  const suggestion = closest(name, known);
  const hint = suggestion
    ? `did you mean \`${suggestion}\`?`
    : known.size
      ? `defined: ${[...known].sort().join(', ')}`
      : `define the ${noun} first`;
  return finding(
    rule,
    'error',
    resource,
    path,
    `route names ${noun} \`${name}\`, which is not defined`,
    hint,
  );
}

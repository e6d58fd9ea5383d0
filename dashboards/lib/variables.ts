/**
 * Template variables shared by dashboards. Every query filters on `$env`; service dashboards add
 * `$instance`; log dashboards add `$service`, `$level` and `$search`. Lists drawn from the
 * catalog (services, topics, groups) are custom variables, so they exist before any data does.
 */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { selector, type Matchers } from '../../src/builders/index.ts';
import { prometheusDs } from '../../src/conventions/datasources.ts';
import { prometheusNames } from '../../src/conventions/exporters.ts';
import { logLevels } from '../../src/conventions/log-fields.ts';

const all = { text: 'All', value: '$__all', selected: true };

/** `$env`: the environment label, from the series Prometheus has. */
export function envVariable(): sdk.QueryVariableBuilder {
  return new sdk.QueryVariableBuilder('env')
    .label('Environment')
    .description('Environment whose data every panel shows.')
    .datasource(prometheusDs)
    .query(`label_values(${prometheusNames.up}, env)`)
    .refresh(sdk.VariableRefresh.OnTimeRangeChanged)
    .sort(sdk.VariableSort.AlphabeticalAsc);
}

/** `$instance`: the instances of one service, multi-select, all by default. */
export function instanceVariable(service: string): sdk.QueryVariableBuilder {
  const matchers: Matchers = { service, env: '$env' };
  return new sdk.QueryVariableBuilder('instance')
    .label('Instance')
    .description('Instances of the service to show.')
    .datasource(prometheusDs)
    .query(`label_values(${selector(prometheusNames.up, matchers)}, instance)`)
    .refresh(sdk.VariableRefresh.OnTimeRangeChanged)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .current(all)
    .sort(sdk.VariableSort.AlphabeticalAsc);
}

/** A multi-select list of fixed values (from the catalog), all selected by default. */
export function listVariable(name: string, label: string, values: readonly string[]) {
  return new sdk.CustomVariableBuilder(name)
    .label(label)
    .values(values.join(','))
    .multi(true)
    .includeAll(true)
    .allValue('.+')
    .current(all);
}

/** `$service`: the catalog's services. */
export function serviceVariable(services: readonly string[]) {
  return listVariable('service', 'Service', services);
}

/** `$level`: log levels, all by default. */
export function levelVariable() {
  return listVariable('level', 'Level', logLevels);
}

/** `$search`: free text matched case-insensitively against the log line. */
export function searchVariable(): sdk.TextBoxVariableBuilder {
  return new sdk.TextBoxVariableBuilder('search')
    .label('Search')
    .description('Text the log line must contain (case-insensitive regular expression).')
    .defaultValue('');
}

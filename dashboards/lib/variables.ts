/** Template variables shared by dashboards: environment and instance. */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { prometheusDs } from '../../src/conventions/datasources.ts';

/** `$env`: the environment label, from the series Prometheus has. */
export function envVariable(): sdk.QueryVariableBuilder {
  return new sdk.QueryVariableBuilder('env')
    .label('Environment')
    .datasource(prometheusDs)
    .query('label_values(up, env)')
    .refresh(sdk.VariableRefresh.OnTimeRangeChanged)
    .sort(sdk.VariableSort.AlphabeticalAsc);
}

/** `$instance`: the instances of one service, multi-select, all by default. */
export function instanceVariable(service: string): sdk.QueryVariableBuilder {
  return new sdk.QueryVariableBuilder('instance')
    .label('Instance')
    .datasource(prometheusDs)
    .query(`label_values(up{service="${service}", env="$env"}, instance)`)
    .refresh(sdk.VariableRefresh.OnTimeRangeChanged)
    .multi(true)
    .includeAll(true)
    .allValue('.*')
    .sort(sdk.VariableSort.AlphabeticalAsc);
}

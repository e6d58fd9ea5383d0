/** What the dashboard builder adds to the SDK's: plain JSON, panel ids and query refIds. */
import { expect, it } from 'vitest';
import { dashboard, promQuery, timeseries } from '../../src/builders/index.ts';
import { prometheusDs } from '../../src/conventions/datasources.ts';

const built = dashboard('Plain board')
  .withPanel(
    timeseries('Two queries')
      .datasource(prometheusDs)
      .withTarget(promQuery('up'))
      .withTarget(promQuery('up == 0')),
  )
  .toResources()[0]!;

it('makes a body of plain JSON data, without the SDK builders’ function-valued markers', () => {
  expect(built.body).toEqual(JSON.parse(JSON.stringify(built.body)));
  const targets = (built.body as { panels: { targets: object[] }[] }).panels[0]!.targets;
  expect(Object.values(targets[0]!).some((v) => typeof v === 'function')).toBe(false);
});

it('numbers panels in reading order and names queries A, B, …', () => {
  const panel = (built.body as { panels: { id: number; targets: { refId: string }[] }[] })
    .panels[0]!;
  expect(panel.id).toBe(1);
  expect(panel.targets.map((t) => t.refId)).toEqual(['A', 'B']);
});

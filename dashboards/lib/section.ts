/**
 * A dashboard section: a row title and its panels. Builders of dashboard parts return sections,
 * so a part can be left out (a service without Kafka topics has no Kafka row) without the
 * dashboard code branching. Panels of one section should add up to full grid lines (24 wide).
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { row, type DashboardDefinition } from '../../src/builders/index.ts';

export interface Section {
  title: string;
  panels: cog.Builder<sdk.Panel>[];
}

/**
 * Add each non-empty section as a row followed by its panels. Diagnostics about a panel point
 * at the line that made it (the panel factories remember it), not at this helper.
 */
export function withSections(board: DashboardDefinition, sections: Section[]): DashboardDefinition {
  for (const section of sections) {
    if (section.panels.length === 0) continue;
    board.withRow(row(section.title));
    for (const panel of section.panels) board.withPanel(panel);
  }
  return board;
}

/**
 * The dashboard builder: the foundation SDK's `DashboardBuilder` plus what a resource needs —
 * a folder, a uid derived from the title, stable panel ids and query refIds, and the source line
 * of every panel so that diagnostics point at the call that made it.
 */
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import {
  captureCreation,
  captureSource,
  isDefinitionHelper,
  type SourceLocation,
} from '../model/source.ts';
import { slug, type Resource, type ResourceSource, type Suppression } from '../model/resource.ts';
import { dashboardDefaults } from './defaults.ts';
import { panelSuppressionsAt, suppression } from './suppress.ts';
import { panelSource } from './panels.ts';

/** A dashboard definition; every SDK setter is available, with the SDK's names. */
export class DashboardDefinition extends sdk.DashboardBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private folderTitle: string = dashboardDefaults.folder;
  private readonly panelSources: SourceLocation[] = [];
  private readonly suppressions: Suppression[] = [];
  private uidValue: string;
  private readonly titleValue: string;

  constructor(title: string) {
    super(title);
    this.titleValue = title;
    this.uidValue = slug(title);
    super.uid(this.uidValue);
    this.tooltip(sdk.DashboardCursorSync.Crosshair)
      .timezone(dashboardDefaults.timezone)
      .refresh(dashboardDefaults.refresh)
      .time({ from: dashboardDefaults.timeFrom, to: 'now' })
      .readonly();
  }

  /** Set the uid; by default it is derived from the title. At most 40 of `[a-z0-9-]`. */
  override uid(uid: string): this {
    this.uidValue = uid;
    return super.uid(uid);
  }

  /** The Grafana folder (by title) the dashboard is provisioned into. */
  folder(title: string): this {
    this.folderTitle = title;
    return this;
  }

  /** Accept lint finding `rule` on the whole dashboard, for `reason` (required). */
  suppress(rule: string, reason: string): this {
    this.suppressions.push(suppression(rule, reason));
    return this;
  }

  override withPanel(panel: cog.Builder<sdk.Panel>): this {
    this.suppressions.push(...panelSuppressionsAt(panel, `panels[${this.panelSources.length}]`));
    this.panelSources.push(panelLocation(panel));
    return super.withPanel(panel);
  }

  override withRow(row: cog.Builder<sdk.RowPanel>): this {
    this.suppressions.push(...panelSuppressionsAt(row, `panels[${this.panelSources.length}]`));
    this.panelSources.push(captureSource());
    return super.withRow(row);
  }

  /** Add several panels in order; each keeps the line of this call. */
  withPanels(panels: cog.Builder<sdk.Panel>[]): this {
    for (const panel of panels) this.withPanel(panel);
    return this;
  }

  toResources(): Resource[] {
    const body = finishDashboard(this.build());
    const sources: Record<string, SourceLocation> = {};
    this.panelSources.forEach((source, index) => (sources[`panels[${index}]`] = source));
    return [
      {
        kind: 'dashboard',
        target: 'grafana',
        id: this.uidValue,
        title: this.titleValue,
        body,
        source: this.definedAt,
        placement: { folder: this.folderTitle },
        sources,
        ...(this.suppressions.length ? { suppressions: [...this.suppressions] } : {}),
      },
    ];
  }
}

/**
 * The line a diagnostic about an added panel names: where it was added, unless that is a shared
 * helper assembling panels made elsewhere (`dashboards/lib/section.ts`): then where it was made.
 */
function panelLocation(panel: object): SourceLocation {
  const added = captureCreation();
  return isDefinitionHelper(added.file) ? (panelSource(panel) ?? captureSource()) : added;
}

/** Start a dashboard; the uid is the slug of the title unless `.uid()` says otherwise. */
export function dashboard(title: string): DashboardDefinition {
  return new DashboardDefinition(title);
}

type PanelLike = {
  id?: number;
  type?: string;
  targets?: { refId?: string }[];
  panels?: PanelLike[];
};

/**
 * Give panels ids in reading order and queries refIds A, B, C…, which Grafana needs to tell
 * them apart; the SDK leaves both to the author. The result is plain JSON data: the SDK's query
 * builders leave a function-valued marker (`_implementsDataqueryVariant`) in what they build,
 * which no check, diff or file should see.
 */
function finishDashboard(built: sdk.Dashboard): sdk.Dashboard {
  const body = JSON.parse(JSON.stringify(built)) as sdk.Dashboard;
  let nextId = 1;
  const visit = (panel: PanelLike) => {
    panel.id = nextId++;
    panel.targets?.forEach((target, index) => {
      target.refId ??= refId(index);
    });
    panel.panels?.forEach(visit);
  };
  (body.panels as PanelLike[] | undefined)?.forEach(visit);
  return body;
}

function refId(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26
    ? letters[index]!
    : `${letters[Math.floor(index / 26) - 1]}${letters[index % 26]}`;
}

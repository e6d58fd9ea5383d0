/**
 * What every target adapter does: turn local resources and live state into plan items, apply
 * one item, finish (reload) and read back. The orchestrator (`src/push/push.ts`) decides order,
 * concurrency and reporting; an adapter only knows its server.
 */
import type { Environment } from '../../model/environment.ts';
import type { Resource, ResourceKind } from '../../model/resource.ts';
import type { PlanItem } from '../../plan/plan.ts';
import type { HttpClient } from '../http.ts';

export interface AdapterContext {
  environment: Environment;
  /** Project root; relative `rulesDir` and `configFile` paths are resolved against it. */
  root: string;
  client: HttpClient;
  prune: boolean;
  adopt: boolean;
  concurrency: number;
  /** How long read-back waits for a server to pick a change up. */
  verifyTimeoutMs: number;
  /**
   * The value of a secret environment variable a resource refers to as `${NAME}` (contact
   * point keys); registered with the redactor. Checked to exist before any request.
   */
  secret(name: string): string;
}

/** A problem with one applied item, found by `finish` or `verify`. */
export interface ItemFailure {
  item: PlanItem;
  error: string;
}

export interface Adapter {
  target: string;
  /** The resource kinds this adapter pushes. */
  kinds: readonly ResourceKind[];
  /** Read live state and compare it with `local` (only resources of `kinds`). */
  plan(local: Resource[]): Promise<PlanItem[]>;
  /** Apply one create, update or delete; throws on failure. */
  apply(item: PlanItem): Promise<void>;
  /**
   * After every item of this adapter was applied: work done once per push (a reload). Items
   * that did not take are returned; they count as failed, not applied.
   */
  finish?(applied: PlanItem[]): Promise<ItemFailure[]>;
  /** Read back what was applied; every item that did not take is returned. */
  verify(applied: PlanItem[]): Promise<ItemFailure[]>;
}

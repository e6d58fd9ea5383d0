/**
 * A builder for resources whose body is a plain document we compose ourselves (datasource
 * provisioning, Alertmanager config, retention fragments, agent configs): it carries the kind,
 * target, identity and the line that defined it.
 */
import { captureSource, type SourceLocation } from '../model/source.ts';
import type {
  Placement,
  Resource,
  ResourceKind,
  ResourceSource,
  Target,
} from '../model/resource.ts';

export interface PlainResourceSpec<Body> {
  kind: ResourceKind;
  target: Target;
  id: string;
  title?: string;
  body: Body;
  placement?: Placement;
  sources?: Record<string, SourceLocation>;
}

/** Wrap a plain document as a resource, remembering the definition line that called this. */
export function plainResource<Body>(spec: PlainResourceSpec<Body>): ResourceSource {
  const source = captureSource();
  return {
    toResources: (): Resource[] => [
      {
        kind: spec.kind,
        target: spec.target,
        id: spec.id,
        title: spec.title ?? spec.id,
        body: spec.body,
        source,
        placement: spec.placement ?? {},
        ...(spec.sources ? { sources: spec.sources } : {}),
      },
    ],
  };
}

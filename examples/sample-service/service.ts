/**
 * The sample Virtual Pet service, built with the kit: it plays the catalog's `pets` service
 * (its routes, its `pet.events` topic), calls a users stand-in over HTTP, sends and consumes
 * events through the in-process Kafka stand-in, and runs a periodic worker job.
 */
import type net from 'node:net';
import { catalog } from '../../platform/catalog.ts';
import {
  createConsumer,
  createHttpServer,
  createKit,
  createProducer,
  runJob,
  type Kit,
  type KitOptions,
} from '../../src/kit/index.ts';
import { InProcessKafkaStandIn } from './in-process-kafka.ts';
import { adoptionProjection, petEventsTopic, petRoutes, PetStore } from './pets.ts';
import { startUsersStandIn } from './users-stand-in.ts';

/** The consumer group of the sample's own projection (not in the catalog: the sample's). */
export const projectionGroup = 'pets-sample-projection';

export interface SampleOptions {
  /** Port to listen on; 0 picks a free one. Default: the catalog port of `pets`. */
  port?: number;
  host?: string;
  env?: string;
  failEvery?: number;
  /** Period of the hunger worker job in ms; 0 turns it off. Default 5000. */
  tickMs?: number;
  kit?: Partial<KitOptions>;
}

export interface SampleService {
  url: string;
  port: number;
  kit: Kit;
  kafka: InProcessKafkaStandIn;
  store: PetStore;
  usersTraceparents: string[];
  stop(): Promise<void>;
}

/** Start the sample; resolves once it listens. */
export async function startSampleService(options: SampleOptions = {}): Promise<SampleService> {
  const service = catalog.services.find((s) => s.name === 'pets')!;
  const kit = createKit({
    service: service.name,
    env: options.env ?? 'local',
    version: '0.1.0',
    commit: process.env.GIT_COMMIT ?? 'unknown',
    ...options.kit,
  });
  const kafka = new InProcessKafkaStandIn();
  const producer = createProducer(kit, kafka.send);
  const users = await startUsersStandIn();
  const store = new PetStore();

  const project = adoptionProjection(store);
  const consume = createConsumer(kit, {
    topic: petEventsTopic,
    group: projectionGroup,
    handle: (message) => project(message.value),
    deadLetter: { topic: catalog.deadLetterTopic, transport: kafka.send },
  });
  kafka.subscribe(petEventsTopic, projectionGroup, consume);

  const routes = petRoutes(store, {
    kit,
    producer,
    usersUrl: users.url,
    failEvery: options.failEvery,
  });
  const server = createHttpServer(kit, routes);
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? service.port, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as net.AddressInfo;

  const tick = () =>
    runJob(kit, 'hunger-tick', () => {
      for (const pet of store.pets.values()) pet.hunger = Math.min(100, pet.hunger + 1);
    });
  const tickMs = options.tickMs ?? 5000;
  const timer =
    tickMs > 0 ? setInterval(() => void tick().catch(() => undefined), tickMs) : undefined;
  await tick();

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    kit,
    kafka,
    store,
    usersTraceparents: users.traceparents,
    stop: async () => {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await users.stop();
      await kafka.drain();
      await kit.shutdown();
    },
  };
}

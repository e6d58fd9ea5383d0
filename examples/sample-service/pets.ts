/**
 * The sample's domain: pets kept in memory, the HTTP routes of the catalog's `pets` service,
 * and the handler of its own `pet.events` (a projection counting adoptions).
 */
import { randomUUID } from 'node:crypto';
import type { Kit, Producer, Route } from '../../src/kit/index.ts';
import { fetchService } from '../../src/kit/index.ts';

export interface Pet {
  id: string;
  name: string;
  species: string;
  ownerId: string;
  hunger: number;
}

export interface PetsOptions {
  kit: Kit;
  producer: Producer;
  usersUrl: string;
  /**
   * Fault injection: every n-th `GET /pets/:id/state` fails with a 500, as if the state store
   * timed out. 0 (the default) never fails.
   */
  failEvery?: number;
}

/** The topic pet events go to (catalog `pet.events`). */
export const petEventsTopic = 'pet.events';

export class PetStore {
  readonly pets = new Map<string, Pet>();
  adoptionsSeen = 0;
}

/** The catalog routes of `pets`: `/pets`, `/pets/:id`, `/pets/:id/state`, plus `/healthz`. */
export function petRoutes(store: PetStore, options: PetsOptions): Route[] {
  let stateCalls = 0;
  const notFound = { status: 404, body: { error: 'no such pet' } };
  return [
    { method: 'GET', path: '/healthz', handle: () => ({ status: 200, body: { ok: true } }) },
    {
      method: 'GET',
      path: '/pets',
      handle: () => ({ status: 200, body: [...store.pets.values()] }),
    },
    {
      method: 'POST',
      path: '/pets',
      handle: async ({ body, log }) => {
        const input = body as Partial<Pet> | undefined;
        if (!input?.name || !input.ownerId) {
          return { status: 400, body: { error: 'name and ownerId are required' } };
        }
        const owner = await fetchService(
          options.kit,
          'users',
          `${options.usersUrl}/users/${encodeURIComponent(input.ownerId)}`,
        );
        if (owner.status === 404) return { status: 422, body: { error: 'unknown owner' } };
        if (!owner.ok) throw new Error(`users answered ${owner.status}`);

        const pet: Pet = {
          id: randomUUID(),
          name: input.name,
          species: input.species ?? 'cat',
          ownerId: input.ownerId,
          hunger: 0,
        };
        store.pets.set(pet.id, pet);
        await options.producer.produce(petEventsTopic, 'pet.adopted', pet, pet.id);
        log.info({ event: 'pet.adopted' }, `pet ${pet.id} adopted`);
        return { status: 201, body: pet };
      },
    },
    {
      method: 'GET',
      path: '/pets/:id',
      handle: ({ params }) => {
        const pet = store.pets.get(params.id!);
        return pet ? { status: 200, body: pet } : notFound;
      },
    },
    {
      method: 'GET',
      path: '/pets/:id/state',
      handle: ({ params }) => {
        stateCalls++;
        if (options.failEvery && stateCalls % options.failEvery === 0) {
          throw new StateStoreTimeout(`state of pet ${params.id} not read within 200 ms`);
        }
        const pet = store.pets.get(params.id!);
        return pet ? { status: 200, body: { hunger: pet.hunger } } : notFound;
      },
    },
  ];
}

/** The fault the sample injects. */
export class StateStoreTimeout extends Error {
  override name = 'StateStoreTimeout';
}

/**
 * Handles `pet.events` in the sample's own consumer group. Pets named `poison` make it fail
 * every attempt, so the retry and dead-letter path can be seen.
 */
export function adoptionProjection(store: PetStore) {
  return (value: unknown) => {
    const pet = value as Pet;
    if (pet.name === 'poison') throw new Error(`pet ${pet.id} cannot be projected`);
    store.adoptionsSeen++;
  };
}

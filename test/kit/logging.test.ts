/** The standard log line: its fields, trace ids, error fields and fingerprint, and redaction. */
import { trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import {
  logContextFields,
  logFields,
  logLevels,
  redactedValue,
} from '../../src/conventions/log-fields.ts';
import { errorFingerprint } from '../../src/kit/index.ts';
import { testKit } from './helpers.ts';

const { kit, logs } = testKit();
afterAll(() => kit.shutdown());

const allowed = new Set<string>([...Object.values(logFields), ...Object.values(logContextFields)]);
const last = () => logs.at(-1)!;

describe('log line shape', () => {
  it('writes level as a name, time as epoch ms, then service, env and msg', () => {
    kit.log.info({ [logFields.event]: 'pet.adopted' }, 'adopted');
    const line = last();
    expect(Object.keys(line)).toEqual(['level', 'time', 'service', 'env', 'event', 'msg']);
    expect(line).toMatchObject({ level: 'info', service: 'pets', env: 'test', msg: 'adopted' });
    expect(Math.abs((line.time as number) - Date.now())).toBeLessThan(5000);
  });

  it.each(logLevels.filter((l) => l !== 'trace'))('names level %s as itself', (level) => {
    kit.log[level]('x');
    expect(last().level).toBe(level);
  });

  it('adds trace_id and span_id of the active span, and none outside spans', () => {
    kit.tracer.startActiveSpan('work', (span) => {
      kit.log.info('inside');
      span.end();
    });
    const inside = last();
    kit.log.info('outside');
    const outside = last();
    expect(inside.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(inside.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(outside).not.toHaveProperty('trace_id');
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it('turns an error into the flat error fields', () => {
    kit.log.error({ err: new TypeError('pet 42 has no owner') }, 'adoption failed');
    const line = last();
    expect(line).toMatchObject({
      error_type: 'TypeError',
      error_message: 'pet 42 has no owner',
      msg: 'adoption failed',
    });
    expect(line.error_stack).toContain('TypeError: pet 42 has no owner');
    expect(line.error_fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(line).not.toHaveProperty('err');
  });

  it('uses only convention fields in the lines the kit writes itself', () => {
    kit.tracer.startActiveSpan('w', (span) => {
      kit.log.child({ request_id: 'r1' }).error({ err: new Error('x'), route: '/pets' }, 'failed');
      span.end();
    });
    expect(Object.keys(last()).filter((key) => !allowed.has(key))).toEqual([]);
  });
});

describe('error fingerprint', () => {
  const stack = (line: number, dir = '/srv/app') => `TypeError: pet 1 missing
    at loadPet (${dir}/src/pets.ts:${line}:11)
    at Router.handle (${dir}/node_modules/router/index.js:90:3)
    at adopt (file://${dir}/src/adopt.ts:${line + 7}:5)
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`;

  it('ignores line numbers, library frames and the deploy folder', () => {
    const a = errorFingerprint('TypeError', stack(10), '/srv/app');
    expect(errorFingerprint('TypeError', stack(99), '/srv/app')).toBe(a);
    expect(errorFingerprint('TypeError', stack(10, '/opt/v2'), '/opt/v2')).toBe(a);
  });

  it('differs by error type and by the functions on the stack', () => {
    const a = errorFingerprint('TypeError', stack(10), '/srv/app');
    expect(errorFingerprint('RangeError', stack(10), '/srv/app')).not.toBe(a);
    const other = stack(10).replace('loadPet', 'savePet');
    expect(errorFingerprint('TypeError', other, '/srv/app')).not.toBe(a);
  });

  it('is the same for the same error thrown twice from one place', () => {
    const fingerprints = [1, 2].map(() => {
      kit.log.error({ err: new RangeError(`value ${Math.random()}`) }, 'x');
      return last().error_fingerprint;
    });
    expect(fingerprints[0]).toBe(fingerprints[1]);
  });
});

describe('redaction', () => {
  it.each([
    ['authorization header', { headers: { authorization: 'Bearer abc.def' } }, 'headers'],
    ['request header', { req: { headers: { authorization: 'Basic dXNlcjpwdw==' } } }, 'req'],
    ['cookie', { headers: { cookie: 'session=s3cr3t' } }, 'headers'],
    ['password', { password: 'hunter2' }, 'password'],
    ['nested password', { user: { password: 'hunter2', name: 'Ann' } }, 'user'],
    ['token', { token: 'tok_123' }, 'token'],
    ['api key', { apiKey: 'key_123' }, 'apiKey'],
    ['email field', { email: 'ann@example.com' }, 'email'],
    ['email deep in a value', { owner: { profile: { contact: 'mail ann@example.com' } } }, 'owner'],
  ])('hides the %s', (_, fields, key) => {
    kit.log.info(fields, 'x');
    const text = JSON.stringify(last()[key]);
    for (const secret of ['abc.def', 'dXNlcjpwdw', 's3cr3t', 'hunter2', 'tok_123', 'key_123']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain('ann@example.com');
    expect(text).toContain(redactedValue);
  });

  it('keeps what is not sensitive', () => {
    kit.log.info({ user: { password: 'p', name: 'Ann' } }, 'x');
    expect(last().user).toEqual({ password: redactedValue, name: 'Ann' });
  });

  it('scrubs e-mail addresses and bearer tokens in messages and error messages', () => {
    kit.log.info('owner ann@example.com sent Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl');
    expect(last().msg).toBe(`owner ${redactedValue} sent Bearer ${redactedValue}`);
    kit.log.error({ err: new Error('no account for bob@example.org') }, 'x');
    expect(last().error_message).toBe(`no account for ${redactedValue}`);
  });
});

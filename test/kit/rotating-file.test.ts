/** Size-based rotation of the local log file, and the window it holds at catalog volume. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { environments } from '../../platform/environments.ts';
import { shipping } from '../../agents/lib/shipping.ts';
import {
  createLogger,
  localLogWindowHours,
  localLogWindowSeconds,
  rotationFor,
  RotatingFile,
} from '../../src/kit/index.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kit-logs-'));

describe('RotatingFile', () => {
  it('rotates by size, shifts old files up and keeps only `keep` of them', () => {
    const file = path.join(tempDir(), 'pets.log');
    const out = new RotatingFile({ file, maxBytes: 100, keep: 3 });
    for (let i = 0; i < 40; i++)
      out.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}\n`);
    out.end();

    const names = fs.readdirSync(path.dirname(file)).sort();
    expect(names).toEqual(['pets.log', 'pets.log.1', 'pets.log.2', 'pets.log.3']);
    for (const name of names) {
      expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThanOrEqual(100);
    }
    const read = (name: string) => fs.readFileSync(path.join(path.dirname(file), name), 'utf8');
    expect(read('pets.log')).toContain('line 039');
    expect(read('pets.log.1').split('\n').at(-2)).toMatch(/^line 0\d\d/);
    const kept = names.reverse().flatMap((name) => read(name).trim().split('\n'));
    const numbers = kept.map((line) => Number(line.slice(5, 8)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers.at(-1)).toBe(39);
  });

  it('appends to an existing file and counts its size', () => {
    const file = path.join(tempDir(), 'a.log');
    fs.writeFileSync(file, 'x'.repeat(90));
    const out = new RotatingFile({ file, maxBytes: 100, keep: 1 });
    out.write('y'.repeat(20));
    out.end();
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toBe('x'.repeat(90));
    expect(fs.readFileSync(file, 'utf8')).toBe('y'.repeat(20));
  });

  it('refuses a rotation that keeps nothing, naming the file', () => {
    expect(() => new RotatingFile({ file: path.join(tempDir(), 'b.log'), keep: 0 })).toThrow(
      /b\.log.*keep 0/,
    );
  });

  it('receives the standard lines of a logger', () => {
    const file = path.join(tempDir(), 'svc', 'pets.log');
    const log = createLogger({
      service: 'pets',
      env: 'test',
      file: { file },
      stream: { write() {} },
    });
    log.info({ event: 'pet.adopted' }, 'to the file');
    log.flush();
    const line = JSON.parse(fs.readFileSync(file, 'utf8').trim());
    expect(line).toMatchObject({ level: 'info', service: 'pets', event: 'pet.adopted' });
  });
});

describe('local log window', () => {
  it.each(catalog.services.map((s) => [s.name, s] as const))(
    '%s: rotationFor holds at least the stated window',
    (_, service) => {
      const rotation = rotationFor(service.volume);
      expect(localLogWindowSeconds(service.volume, rotation)).toBeGreaterThanOrEqual(
        localLogWindowHours * 3600,
      );
    },
  );

  it.each(catalog.services.map((s) => [s.name, s] as const))(
    '%s: the log-shipping agents assume the rotation the kit uses',
    (_, service) => {
      const spec = shipping(service, environments[0]!).build();
      const rotation = rotationFor(service.volume);
      expect(spec.localFiles).toEqual({ maxFileBytes: rotation.maxBytes, maxFiles: rotation.keep });
    },
  );
});

/**
 * `import()` of a module outside the CLI's own bundle: a definitions bundle, esbuild. The CLI
 * runs as a script restored from a V8 code cache (`bin/obs.js`), and on Node 20 such a script
 * cannot call `import()` itself ("A dynamic import callback was not specified"), so `bin/obs.js`
 * lends it an importer made in an ES module. Anywhere else (tests, tsx) this is plain `import()`.
 */
type Importer = (specifier: string) => Promise<unknown>;

const lent = Symbol.for('obs.import');

export function importModule<T = Record<string, unknown>>(specifier: string): Promise<T> {
  const importer = (globalThis as Record<symbol, Importer | undefined>)[lent];
  return (importer ? importer(specifier) : import(specifier)) as Promise<T>;
}

/**
 * `npm run bench`: every benchmark, one after the other (never two at once: two cores).
 * Each prints its own figures; ratios are measured within one run because these machines are
 * shared and noisy. `npm run bench -- build` runs one of them.
 */
import { runBuildBench } from './build.ts';
import { runPushBench } from './push.ts';
import { runValidateBench } from './validate.ts';

const benches: Record<string, () => Promise<unknown> | unknown> = {
  build: () => runBuildBench(),
  validate: () => runValidateBench(),
  push: () => runPushBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; expected ${Object.keys(benches).join(', ')}`,
  );
  process.exit(2);
}
for (const name of wanted.length ? wanted : Object.keys(benches)) {
  await benches[name]!();
  console.log();
}

/**
 * How the raw-data commands end on a failure: a remote error (exit 4) names the URL, what
 * failed and what to try; a bad option, environment or missing `out/` is a usage error (exit 2).
 * Anything else is a bug and propagates to the CLI's internal-error handler (exit 70).
 */
import { ExitCode } from '../cli/exit-codes.ts';
import { UsageError } from './endpoints.ts';
import { RemoteError, remoteErrorJson, renderRemoteError } from './remote-error.ts';

/** Run a command body, turning expected failures into their message and exit code. */
export async function runRawCommand(json: boolean, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof RemoteError) {
      if (json) process.stdout.write(JSON.stringify(remoteErrorJson(error), null, 2) + '\n');
      process.stderr.write(renderRemoteError(error) + '\n');
      return ExitCode.remote;
    }
    if (isInputError(error)) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}

/** Errors our own checks throw (plain `Error` or `UsageError`), as opposed to bugs. */
function isInputError(error: unknown): boolean {
  return error instanceof UsageError || (error instanceof Error && error.constructor === Error);
}

/** Run `check` and turn a plain error it throws into a `UsageError`. */
export function asUsage<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Error && error.constructor === Error) throw new UsageError(error.message);
    throw error;
  }
}

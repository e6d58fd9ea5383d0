/**
 * The `obs` command line. Command files under `commands/` only parse options, call the library
 * and print; nothing is decided here.
 */
import { Command } from 'commander';
import { commands } from './commands/index.ts';
import { ExitCode } from './exit-codes.ts';
import { setVerbosity } from './output.ts';

export function createProgram(): Command {
  const program = new Command('obs')
    .description('Observability as code for the Virtual Pet platform')
    .option('-v, --verbose', 'more logs on stderr (repeat for more)', (_, n: number) => n + 1, 0)
    .option('--root <dir>', 'project root (default: the current directory)')
    .configureHelp({ helpWidth: 100 })
    .showHelpAfterError()
    .hook('preAction', (command) => setVerbosity(command.opts().verbose as number));
  program.configureOutput({ outputError: (text, write) => write(text) });
  program.exitOverride((error) => {
    if (error.exitCode === 0) process.exit(0);
    process.exit(ExitCode.usage);
  });
  for (const register of commands) register(program);
  return program;
}

/** Run the command line; resolves to the name of the command that ran, if one did. */
export async function main(argv: string[]): Promise<string | undefined> {
  let ran: string | undefined;
  try {
    const program = createProgram();
    program.hook('preAction', (_program, action) => {
      ran = action.name();
    });
    await program.parseAsync(argv);
  } catch (error) {
    process.stderr.write(
      `internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = ExitCode.internal;
  }
  return ran;
}

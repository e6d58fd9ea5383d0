/**
 * Terminal output: results on stdout, logs and progress on stderr. Colour only on a TTY and
 * never with `NO_COLOR` set; `-v` raises the log level.
 */

let verbosity = 0;

export function setVerbosity(level: number): void {
  verbosity = level;
}

const colourEnabled = (stream: NodeJS.WriteStream) =>
  Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';

type Paint = (text: string) => string;

function painter(code: string, stream: NodeJS.WriteStream): Paint {
  return (text) => (colourEnabled(stream) ? `\u001b[${code}m${text}\u001b[0m` : text);
}

export const paint = {
  red: painter('31', process.stdout),
  yellow: painter('33', process.stdout),
  green: painter('32', process.stdout),
  dim: painter('2', process.stdout),
  bold: painter('1', process.stdout),
};

export const paintErr = {
  red: painter('31', process.stderr),
  yellow: painter('33', process.stderr),
  green: painter('32', process.stderr),
  dim: painter('2', process.stderr),
};

/** A result line on stdout. */
export function out(line = ''): void {
  process.stdout.write(line + '\n');
}

/** A log line on stderr, shown at `-v` (level 1) or more. */
export function debug(line: string, level = 1): void {
  if (verbosity >= level) process.stderr.write(paintErr.dim(line) + '\n');
}

/** A log line on stderr, always shown. */
export function info(line: string): void {
  process.stderr.write(line + '\n');
}

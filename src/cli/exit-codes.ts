/** Exit codes of every command, documented in the README's CLI reference. */
export const ExitCode = {
  /** Everything worked; `plan` found nothing to change. */
  ok: 0,
  /** The definitions have errors (or warnings with `--strict`); nothing was written. */
  invalid: 1,
  /** Wrong options, unknown environment, missing token variable. */
  usage: 2,
  /** `plan --detailed-exitcode`: there are changes to apply. */
  changes: 3,
  /** A server could not be reached or answered with an error. */
  remote: 4,
  /** A push applied some changes and failed on others; the report says which. */
  partial: 5,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

/**
 * Errors of push in one shape: which target and request failed, the status and the server's
 * message, with secrets already removed. The CLI renders them; nothing else prints them.
 */

export class PushError extends Error {
  constructor(
    message: string,
    readonly details: { target?: string; method?: string; url?: string; status?: number } = {},
  ) {
    super(message);
    this.name = 'PushError';
  }
}

/** A problem with the environment or the options, found before any network call. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** A failure's message, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Secrets read from the environment are registered here, and every string push shows — log
 * lines, error messages, diffs, reports — goes through `redact` first. A token therefore cannot
 * reach stdout, stderr or a thrown error even when a server echoes it back.
 */

const mask = '[redacted]';

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remember a secret; values shorter than 4 characters are too common to mask safely. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  /** `text` with every registered secret replaced. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(mask);
    return result;
  }

  /** An error whose message and stack no longer hold a secret. */
  redactError(error: unknown): Error {
    const original = error instanceof Error ? error : new Error(String(error));
    const clean = new Error(this.redact(original.message));
    clean.name = original.name;
    clean.stack = this.redact(original.stack ?? clean.message);
    return clean;
  }
}

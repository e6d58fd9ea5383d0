/**
 * Expand the part of Prometheus's alert templating that unit tests need: `{{ $labels.name }}`.
 * Expected annotations of a promtool test are the rule's annotations expanded with the labels
 * the alert will carry, so a test proves what a person will read in the notification.
 */

const labelRef = /\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/**
 * The text with every `{{ $labels.x }}` replaced by `labels[x]` (empty when missing, as
 * Prometheus does). Throws on any other template action, naming it: a unit test cannot predict
 * `{{ $value }}` exactly, so alerts keep values out of their annotations.
 */
export function expandLabels(text: string, labels: Record<string, string>): string {
  const expanded = text.replace(labelRef, (_, name: string) => labels[name] ?? '');
  const other = /\{\{[^}]*\}\}/.exec(expanded);
  if (other) {
    throw new Error(
      `annotation template \`${other[0]}\` in "${text}" cannot be expanded for a unit test; ` +
        'expected only {{ $labels.<name> }}',
    );
  }
  return expanded;
}

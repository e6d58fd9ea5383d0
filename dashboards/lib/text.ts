/** Layout of multi-line query text, so nested expressions read as nested blocks. */

/** Indent every line after the first by `spaces`, for a block placed after an opening paren. */
export function indent(text: string, spaces = 2): string {
  return text.split('\n').join('\n' + ' '.repeat(spaces));
}

/** `fn(\n  inner\n)`: a call whose argument is a multi-line block. */
export function call(fn: string, inner: string): string {
  return `${fn}(\n  ${indent(inner)}\n)`;
}

/**
 * Text a user typed, made safe inside a LIKE pattern: its `%`, `_` and `\` match themselves
 * (PostgreSQL's default LIKE escape is the backslash). Wrap the result in `%…%` or `…%` as needed.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

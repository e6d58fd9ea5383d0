/** Text and attribute escaping for the preview's HTML: every value from a dashboard goes through it. */

/** `text` safe inside an element or a double-quoted attribute. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An id for an anchor, from a dashboard uid. */
export function anchor(uid: string): string {
  return `d-${uid.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

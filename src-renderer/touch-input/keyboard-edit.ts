/**
 * What a key of the on-screen keyboard does to a field's text. Editing happens at the end of
 * the text: on a touch screen a caret in the middle is hard to place and easy to lose.
 */
export function applyKey(value: string, key: string, maxLength: number): string {
  switch (key) {
    case '{bksp}':
      return Array.from(value).slice(0, -1).join('');
    case '{space}':
      return appendWithin(value, ' ', maxLength);
    case '{shift}':
    case '{symbols}':
    case '{abc}':
    case '{lock}':
    case '{enter}':
    case '{tab}':
      return value;
    default:
      return key.startsWith('{') ? value : appendWithin(value, key, maxLength);
  }
}

function appendWithin(value: string, text: string, maxLength: number): string {
  return Array.from(value).length + Array.from(text).length > maxLength ? value : value + text;
}

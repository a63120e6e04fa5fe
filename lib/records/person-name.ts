/**
 * A person's full name split into first and last name, for the First Name / Last Name fields
 * beside every full name (message author, contact, conversation customer). The rule, predictable
 * rather than clever, and written down in docs/output-fields.md:
 *  - spaces are collapsed; an empty name gives two empty parts;
 *  - "Last, First" (one word, then one comma) is read as written: `Lindqvist, Maya` → Maya / Lindqvist;
 *  - one word is a first name only: `Maya` → Maya / (empty);
 *  - otherwise the last word is the last name and every word before it the first name:
 *    `Mary Ann Lee` → Mary Ann / Lee.
 * An email address where the name should be (some channels fill it so) is not split.
 */
export interface NameParts {
  first_name: string;
  last_name: string;
}

export function splitName(fullName: string): NameParts {
  const name = fullName.replace(/\s+/g, ' ').trim();
  if (name === '' || name.includes('@')) return { first_name: '', last_name: '' };
  const comma = name.split(',');
  if (comma.length === 2) {
    const [last = '', first = ''] = comma.map((part) => part.trim());
    if (last !== '' && !last.includes(' ') && first !== '')
      return { first_name: first, last_name: last };
  }
  const words = name.split(' ');
  if (words.length === 1) return { first_name: name, last_name: '' };
  return { first_name: words.slice(0, -1).join(' '), last_name: words[words.length - 1] ?? '' };
}

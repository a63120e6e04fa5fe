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
  // Most names hold single spaces only: collapsing them would copy the name for nothing.
  const name = (/\s\s|[^\S ]/.test(fullName) ? fullName.replace(/\s+/g, ' ') : fullName).trim();
  if (name === '' || name.includes('@')) return { first_name: '', last_name: '' };
  const comma = name.indexOf(',');
  if (comma !== -1 && comma === name.lastIndexOf(',')) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (last !== '' && !last.includes(' ') && first !== '')
      return { first_name: first, last_name: last };
  }
  const space = name.lastIndexOf(' ');
  if (space === -1) return { first_name: name, last_name: '' };
  return { first_name: name.slice(0, space), last_name: name.slice(space + 1) };
}

/**
 * Zapier uses a search's first result: items named exactly as searched (trimmed, any letter case)
 * go first, the others after them, each group in the API's order.
 */
export function exactFirst<T>(items: T[], wanted: string, namesOf: (item: T) => string[]): T[] {
  const target = wanted.trim().toLowerCase();
  const exact = (item: T): boolean =>
    namesOf(item).some((name) => name.trim().toLowerCase() === target);
  return [...items.filter(exact), ...items.filter((item) => !exact(item))];
}

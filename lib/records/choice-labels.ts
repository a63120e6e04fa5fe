/**
 * Dropdown choices whose labels repeat (two contacts both "Dana Whitfield", two templates both
 * "Order shipped") get what tells them apart: `detail` in brackets, then, if still alike, the ID.
 * Labels that are unique stay as they are, so the usual dropdown reads cleanly.
 */
export function distinctChoiceLabels<T extends { id: string; name: string }>(
  choices: T[],
  detail: (choice: T) => string,
): T[] {
  const withDetail = relabel(choices, (choice) => {
    const extra = detail(choice).trim();
    return extra === '' || extra === choice.name ? choice.name : `${choice.name} (${extra})`;
  });
  return relabel(withDetail, (choice) => `${choice.name} #${choice.id}`);
}

/** Applies `label` to the choices whose name another choice shares. */
function relabel<T extends { name: string }>(choices: T[], label: (choice: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const { name } of choices) counts.set(name, (counts.get(name) ?? 0) + 1);
  return choices.map((choice) =>
    (counts.get(choice.name) ?? 0) > 1 ? { ...choice, name: label(choice) } : choice,
  );
}

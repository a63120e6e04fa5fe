import App from '../../index';

interface Operation {
  key: string;
  display: { label: string; hidden?: boolean };
}

/** Every visible operation, as `zapier-platform invoke` names it: for `npm start -- --help`. */
export function operationLines(): string[] {
  const groups: [string, Record<string, Operation> | undefined][] = [
    ['trigger', App.triggers as Record<string, Operation>],
    ['create', App.creates as Record<string, Operation>],
    ['search', App.searches as Record<string, Operation>],
  ];
  return groups.flatMap(([kind, registry]) =>
    Object.values(registry ?? {})
      .filter((operation) => !operation.display.hidden)
      .map((operation) => `  ${`${kind} ${operation.key}`.padEnd(38)} ${operation.display.label}`),
  );
}

import { readFileSync } from 'node:fs';

/**
 * Reads `.env` the way `zapier-platform invoke` does (KEY=value lines, optional quotes, # comments),
 * so `npm start` knows before invoking whether it will run against a real brand.
 */
export function readEnvFile(path: string): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    let value = match[2] ?? '';
    const quoted = /^(['"`])([\s\S]*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]] = value;
  }
  return values;
}

export const AUTH_KEYS = ['authData_brand', 'authData_username', 'authData_password'] as const;

import { AUTH_KEYS } from './env-file';

/** Where `npm start` sends the integration's requests, and why, in words it prints. */
export type Target =
  | { kind: 'sandbox'; reason: string }
  | { kind: 'brand'; reason: string }
  | { kind: 'refused'; reason: string };

/**
 * Decides from `.env` (undefined when there is none): all three credentials → the real brand;
 * none → the local sandbox; some → refused, since half-filled credentials are a mistake.
 */
export function chooseTarget(envFile: Record<string, string> | undefined): Target {
  if (envFile === undefined) return { kind: 'sandbox', reason: 'there is no .env file' };
  const given = AUTH_KEYS.filter((key) => (envFile[key] ?? '').trim() !== '');
  const empty = AUTH_KEYS.filter((key) => key in envFile && !given.includes(key));
  if (given.length === 0 && empty.length > 0) {
    // `invoke` loads .env over the environment, so an empty value would replace the sandbox's.
    return {
      kind: 'refused',
      reason: `.env sets ${empty.join(', ')} to an empty value, which zapier-platform invoke would use: comment out or delete the empty lines to use the sandbox, or fill in all three.`,
    };
  }
  if (given.length === 0) {
    if ((envFile.REAMAZE_BASE_URL ?? '').trim() !== '') {
      // `invoke` loads .env over the environment, so this would replace the sandbox's address.
      return {
        kind: 'refused',
        reason:
          '.env sets REAMAZE_BASE_URL without credentials: remove it (npm start starts its own sandbox) or add the authData_* credentials.',
      };
    }
    return { kind: 'sandbox', reason: '.env has no credentials' };
  }
  if (given.length < AUTH_KEYS.length) {
    const missing = AUTH_KEYS.filter((key) => !given.includes(key));
    return {
      kind: 'refused',
      reason: `.env sets ${given.join(', ')} but not ${missing.join(', ')}: set all three (see .env.example), or none to use the sandbox.`,
    };
  }
  return {
    kind: 'brand',
    reason: '.env sets authData_brand, authData_username and authData_password',
  };
}

import { isFullAddress, pathProblem } from '../http/client';
import { invalid, quoted, requiredTrimmed } from './read';

/**
 * The Path of API Request: what the user typed below `/api/v1`, checked by the client's one path
 * rule (lib/http/client.ts `pathProblem`) before any request, so it can never leave the brand.
 */
export function typedApiPath(value: unknown, label: string): string {
  const given = requiredTrimmed(value, label);
  // Re:amaze's pages write paths with the prefix; the base URL already ends with it.
  let path = given.replace(/^\/?api\/v1(?=\/|$)/i, '');
  if (!path.startsWith('/') && !isFullAddress(path)) path = `/${path}`;
  if (path.length > 1) path = path.replace(/\/$/, '');
  if (path === '/') {
    throw invalid(`${label} ${quoted(given)} names no resource: for example /conversations.`);
  }
  const problem = pathProblem(path);
  if (problem !== undefined) throw invalid(`${label} ${quoted(given)} ${problem}.`);
  return path;
}

import { lookup } from 'node:dns/promises';

type Lookup = (host: string) => Promise<unknown>;

/**
 * Before a run against a real brand: undefined when the brand's host resolves, otherwise what is
 * wrong in words, telling "this machine is offline" apart from "this brand does not exist".
 */
export async function networkProblem(
  host: string,
  resolve: Lookup = (name) => lookup(name),
): Promise<string | undefined> {
  if (/^(127\.|localhost$|\[::1\]$|::1$)/.test(host)) return undefined;
  const failure = async (name: string): Promise<string | undefined> => {
    try {
      await resolve(name);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code ?? 'lookup failed';
    }
  };
  const brandFailure = await failure(host);
  if (brandFailure === undefined) return undefined;
  const apexFailure = await failure('reamaze.io');
  if (apexFailure !== undefined) {
    return (
      `this machine cannot look up reamaze.io (${apexFailure}): it seems to be offline, or its DNS ` +
      'does not answer. Connect to the internet, or empty the authData_* values in .env to use the local sandbox.'
    );
  }
  return `reamaze.io answers but ${host} does not exist (${brandFailure}): check authData_brand in .env.`;
}

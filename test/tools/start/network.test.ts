import { networkProblem } from '../../../tools/start/network';

const fails = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));

describe('networkProblem', () => {
  it('is silent when the brand host resolves, or is the local sandbox', async () => {
    const lookups: string[] = [];
    const resolve = (host: string) => (lookups.push(host), Promise.resolve({}));
    await expect(networkProblem('acme.reamaze.io', resolve)).resolves.toBeUndefined();
    await expect(networkProblem('127.0.0.1', fails('ENOTFOUND'))).resolves.toBeUndefined();
    expect(lookups).toEqual(['acme.reamaze.io']);
  });

  it('says the machine is offline when reamaze.io itself does not resolve', async () => {
    await expect(networkProblem('acme.reamaze.io', fails('EAI_AGAIN'))).resolves.toBe(
      'this machine cannot look up reamaze.io (EAI_AGAIN): it seems to be offline, or its DNS does not answer. Connect to the internet, or empty the authData_* values in .env to use the local sandbox.',
    );
  });

  it('blames the brand when only its host is unknown', async () => {
    const resolve = (host: string) =>
      host === 'reamaze.io' ? Promise.resolve({}) : fails('ENOTFOUND')();
    await expect(networkProblem('acmee.reamaze.io', resolve)).resolves.toBe(
      'reamaze.io answers but acmee.reamaze.io does not exist (ENOTFOUND): check authData_brand in .env.',
    );
  });
});

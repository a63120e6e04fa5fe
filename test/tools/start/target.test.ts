import { join } from 'node:path';
import { readEnvFile } from '../../../tools/start/env-file';
import { chooseTarget } from '../../../tools/start/target';

describe('which Re:amaze npm start uses', () => {
  it('uses the sandbox without .env, or with the example copied unchanged', () => {
    expect(chooseTarget(undefined)).toEqual({ kind: 'sandbox', reason: 'there is no .env file' });
    expect(chooseTarget({ OTHER: 'x' })).toEqual({
      kind: 'sandbox',
      reason: '.env has no credentials',
    });
  });

  it('refuses empty credential lines, which invoke would use instead of the sandbox ones', () => {
    expect(chooseTarget({ authData_brand: '', authData_username: ' ' })).toEqual({
      kind: 'refused',
      reason:
        '.env sets authData_brand, authData_username to an empty value, which zapier-platform invoke would use: comment out or delete the empty lines to use the sandbox, or fill in all three.',
    });
  });

  it('uses the brand only when all three credentials are filled in', () => {
    const env = { authData_brand: 'acme', authData_username: 'a@b.co', authData_password: 't' };
    expect(chooseTarget(env).kind).toBe('brand');
    expect(chooseTarget({ ...env, authData_password: '  ' })).toEqual({
      kind: 'refused',
      reason:
        '.env sets authData_brand, authData_username but not authData_password: set all three (see .env.example), or none to use the sandbox.',
    });
  });

  it('refuses a REAMAZE_BASE_URL without credentials, which would hide the sandbox', () => {
    expect(chooseTarget({ REAMAZE_BASE_URL: 'http://127.0.0.1:4010/api/v1' }).kind).toBe('refused');
  });
});

describe('.env.example', () => {
  it('is inert when copied to .env: npm start still uses the sandbox', () => {
    const example = readEnvFile(join(__dirname, '../../../.env.example'));
    expect(example).toBeDefined();
    expect(chooseTarget(example).kind).toBe('sandbox');
  });
});

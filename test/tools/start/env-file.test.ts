import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnvFile } from '../../../tools/start/env-file';

describe('readEnvFile', () => {
  it('reads KEY=value lines as zapier-platform invoke does: quotes, comments, export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const path = join(dir, '.env');
    writeFileSync(
      path,
      [
        '# a comment',
        'authData_brand=acme',
        "authData_username='agent@acme.example'",
        'authData_password="tok with spaces"  ',
        'export REAMAZE_BASE_URL=http://127.0.0.1:4010/api/v1 # local',
        '# REAMAZE_BASE_URL=http://127.0.0.1:9/api/v1',
        'EMPTY=',
        'not a line',
      ].join('\n'),
    );
    expect(readEnvFile(path)).toEqual({
      authData_brand: 'acme',
      authData_username: 'agent@acme.example',
      authData_password: 'tok with spaces',
      REAMAZE_BASE_URL: 'http://127.0.0.1:4010/api/v1',
      EMPTY: '',
    });
  });

  it('is undefined when there is no file', () => {
    expect(readEnvFile(join(tmpdir(), 'no-such-dir-4821', '.env'))).toBeUndefined();
  });
});

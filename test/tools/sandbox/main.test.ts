import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** `npm run sandbox` as a maintainer uses it: the compiled script, its printed lines, Ctrl-C. */
describe('npm run sandbox', () => {
  it('prints a working address and credentials, and stops cleanly on SIGTERM', async () => {
    const script = join(__dirname, '../../../dist/tools/sandbox/main.js');
    const child = spawn(process.execPath, [script, '--port=0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('authData_password=')) resolve();
      });
      child.on('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    const value = (key: string) => new RegExp(`${key}=(\\S+)`).exec(out)?.[1] ?? '';
    const base = value('REAMAZE_BASE_URL');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(value('authData_brand')).toBe('acme');

    const auth = Buffer.from(`${value('authData_username')}:${value('authData_password')}`);
    const response = await fetch(`${base}/channels`, {
      headers: { Accept: 'application/json', Authorization: `Basic ${auth.toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown).toHaveProperty('channels');

    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});

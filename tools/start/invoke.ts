import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One run of `zapier-platform invoke`: Zapier's own local runner, in a child process. */

export interface HttpLine {
  method: string;
  url: string;
  status: number;
}

export interface InvokeResult {
  ok: boolean;
  /** The parsed JSON the runner printed, or its text (the connection label). */
  output: unknown;
  /** The runner's error message when it failed. */
  error?: string;
  durationMs: number;
  /** Requests the runner logged (only with DEBUG=zapier:invoke). */
  http: HttpLine[];
}

/** The CLI's entry script, found through its package.json so no shell or PATH is involved. */
function cliEntry(): string {
  const manifest = require.resolve('zapier-platform-cli/package.json');
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin;
  return join(dirname(manifest), bin['zapier-platform'] ?? Object.values(bin)[0] ?? '');
}

/** Colour and cursor codes the CLI writes even into a pipe; they would print as garbage. */
// eslint-disable-next-line no-control-regex -- the escape character is what these codes start with
const TERMINAL_CODES = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The runner prints errors as `›   Error: …` lines followed by "What happened:". */
export function runnerError(stderr: string): string {
  const text = stderr
    .replace(TERMINAL_CODES, '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('›'))
    .map((line) => line.replace(/^\s*›\s?/, '').trim())
    .join(' ');
  const message = /Error:\s*(.*?)(?:\s+What happened:|$)/.exec(text)?.[1]?.trim();
  return (
    message ||
    stderr.replace(TERMINAL_CODES, '').trim().split('\n').slice(-3).join(' ') ||
    'the runner failed'
  );
}

const HTTP_LINE = /zapier:invoke (\d{3}) (GET|POST|PUT|PATCH|DELETE) (\S+)\s*$/;

/** The requests in the runner's debug log (`DEBUG=zapier:invoke`): one `<status> <METHOD> <url>` line each. */
export function httpLines(stderr: string): HttpLine[] {
  return stderr
    .split('\n')
    .map((line) => HTTP_LINE.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ status: Number(match[1]), method: match[2] ?? '', url: match[3] ?? '' }));
}

export function invoke(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<InvokeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliEntry(), 'invoke', ...args, '--non-interactive'], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const http = httpLines(stderr);
      let output: unknown = stdout.trim();
      try {
        output = JSON.parse(stdout);
      } catch {
        // the connection label is plain text
      }
      resolve({
        ok: code === 0,
        output,
        error: code === 0 ? undefined : runnerError(stderr),
        durationMs: performance.now() - started,
        http,
      });
    });
  });
}

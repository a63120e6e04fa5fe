import { spawn } from 'node:child_process';

export interface ProcessResult {
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  /** How errors name the program, e.g. "the cold-start probe"; default the command line. */
  label?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a program to completion; rejects with the tail of its output when it fails. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const lines = `${stdout}\n${stderr}`.trim().split('\n');
      // The first error line says what went wrong; the tail gives the context.
      const cause = lines.find((line) => /error/i.test(line)) ?? lines[lines.length - 1] ?? '';
      const label = options.label ?? [command, ...args].join(' ').slice(0, 120);
      reject(
        new Error(
          `${label} exited with ${signal ?? code}: ${cause.trim()}\n${lines.slice(-8).join('\n')}`,
        ),
      );
    });
  });
}

/** The same Node that runs the bench (Node 22 from the `node` devDependency under npm scripts). */
export function runNode(args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  return runProcess(process.execPath, args, options);
}

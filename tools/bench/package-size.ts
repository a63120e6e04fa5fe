import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode, runProcess, type ProcessResult } from './process';
import { PROJECT_ROOT } from './paths';
import { median } from './stats';
import type { Row } from './table';

/**
 * Package size: the build.zip Zapier would receive, from production files only. The dev tree's
 * node_modules also holds jest, TypeScript and the CLI, and a build there comes out about twice as
 * large (measured when this bench was written), so the build runs in a temporary copy of the project (package.json,
 * lockfile, .zapierapprc, the root index.js and the bundle dist/app.js) where `npm ci --omit=dev` installs
 * exactly the production tree of the lockfile. The CLI binary comes from this project's
 * node_modules. The baseline is a bare app (core and nothing else) built the same way, from a copy
 * of the same install.
 */

const TARGET_BYTES = 1_000_000;
/** The app's own files in build.zip, compressed, definition.json aside. */
const TARGET_OWN_BYTES = 30_000;

/** The smallest app the CLI builds: every Zapier app pays for this. */
const BARE_APP = `const { version } = require('zapier-platform-core');
module.exports = { version: '1.0.0', platformVersion: version };
`;

function npm(args: readonly string[], cwd: string): Promise<ProcessResult> {
  const npmCli = process.env.npm_execpath;
  // Under `npm run bench` this is npm's own CLI script; run it with the same Node.
  const label = `npm ${args[0]}`;
  if (npmCli && /\.c?js$/.test(npmCli)) return runNode([npmCli, ...args], { cwd, label });
  return runProcess('npm', args, { cwd, label });
}

function cliEntry(): string {
  const cliPackage = require.resolve('zapier-platform-cli/package.json', {
    paths: [PROJECT_ROOT],
  });
  const bin = (JSON.parse(fs.readFileSync(cliPackage, 'utf8')) as { bin: Record<string, string> })
    .bin['zapier-platform'];
  if (!bin) throw new Error('zapier-platform-cli has no zapier-platform binary');
  return path.join(path.dirname(cliPackage), bin);
}

/** Runs the offline build in `dir` and returns the size of build/build.zip in bytes. */
async function buildZipBytes(dir: string): Promise<number> {
  await runNode([cliEntry(), 'build', '--skip-dep-install', '--skip-validation'], {
    cwd: dir,
    label: 'zapier-platform build',
    env: {
      ...process.env,
      DISABLE_ZAPIER_ANALYTICS: '1',
      NO_UPDATE_NOTIFIER: '1',
      // dist/ is already compiled (npm run bench builds first) and the copy has no TypeScript:
      // this is the CLI's own guard that skips re-running the `_zapier-build` script.
      npm_lifecycle_event: '_zapier-build',
    },
    timeoutMs: 120_000,
  });
  return fs.statSync(path.join(dir, 'build', 'build.zip')).size;
}

interface InstalledPackage {
  dir: string;
  dependencies: string[];
}

/** Every package under `node_modules`, nested ones included. */
function installedPackages(nodeModules: string, found = new Map<string, InstalledPackage>()) {
  if (!fs.existsSync(nodeModules)) return found;
  for (const entry of fs.readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? fs
          .readdirSync(path.join(nodeModules, entry.name), { withFileTypes: true })
          .filter((inner) => inner.isDirectory())
          .map((inner) => path.join(nodeModules, entry.name, inner.name))
      : [path.join(nodeModules, entry.name)];
    for (const dir of dirs) {
      const manifestPath = path.join(dir, 'package.json');
      if (!fs.existsSync(manifestPath)) continue;
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<
        string,
        Record<string, string> | undefined
      >;
      const dependencies = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.optionalDependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ]);
      found.set(dir, { dir, dependencies: [...dependencies] });
      installedPackages(path.join(dir, 'node_modules'), found);
    }
  }
  return found;
}

/** Node's resolution: the nearest node_modules/<name> from `fromDir` up to `root`. */
function resolvePackage(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return undefined;
  }
}

/** How many installed packages `names` (required from `fromDir`) pull in, themselves included. */
function closureSize(names: readonly string[], fromDir: string, root: string): number {
  const packages = installedPackages(path.join(root, 'node_modules'));
  const reached = new Set<string>();
  const visit = (name: string, from: string): void => {
    const dir = resolvePackage(name, from, root);
    if (!dir || reached.has(dir)) return;
    reached.add(dir);
    for (const dependency of packages.get(dir)?.dependencies ?? []) visit(dependency, dir);
  };
  for (const name of names) visit(name, fromDir);
  return reached.size;
}

function copyProductionFiles(into: string): void {
  for (const file of [
    'package.json',
    'package-lock.json',
    '.zapierapprc',
    '.gitignore',
    'index.js',
  ]) {
    const from = path.join(PROJECT_ROOT, file);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(into, file));
  }
  // What tools/release.sh stages: the bundle alone, without its source map.
  fs.mkdirSync(path.join(into, 'dist'));
  fs.copyFileSync(path.join(PROJECT_ROOT, 'dist', 'app.js'), path.join(into, 'dist', 'app.js'));
}

/** The app's own entries of a build.zip (outside node_modules/, definition.json aside). */
const OWN_ENTRY = (name: string): boolean =>
  !name.startsWith('node_modules/') && name !== 'definition.json';

/** Compressed bytes of the zip's entries that `keep` selects, from `unzip -v`'s listing. */
async function compressedBytes(zip: string, keep: (name: string) => boolean): Promise<number> {
  const { stdout } = await runProcess('unzip', ['-v', zip], { cwd: path.dirname(zip) });
  let bytes = 0;
  for (const line of stdout.split('\n')) {
    // Length Method Size Cmpr Date Time CRC-32 Name
    const match = /^\s*\d+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+[0-9a-f]{8}\s+(.+)$/.exec(line);
    if (match && keep(match[2] as string)) bytes += Number(match[1]);
  }
  return bytes;
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

export async function measurePackageSize(repetitions: number): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reamaze-bench-build-'));
  const appDir = path.join(dir, 'app');
  const bareDir = path.join(dir, 'bare');
  try {
    fs.mkdirSync(appDir);
    copyProductionFiles(appDir);
    // From npm's cache when it has the packages (it does after the project's own `npm ci`).
    await npm(['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], appDir);
    // The bare app: the same production install, its own index.js and no dist/.
    fs.cpSync(appDir, bareDir, {
      recursive: true,
      filter: (source) => path.relative(appDir, source) !== 'dist',
    });
    fs.writeFileSync(path.join(bareDir, 'index.js'), BARE_APP);

    const bareSizes: number[] = [];
    const appSizes: number[] = [];
    for (let i = 0; i < repetitions; i += 1) {
      // Sizes do not depend on timing, so both builds run at once (one per core).
      const [bareSize, appSize] = await Promise.all([
        buildZipBytes(bareDir),
        buildZipBytes(appDir),
      ]);
      bareSizes.push(bareSize);
      appSizes.push(appSize);
    }
    const bare = median(bareSizes);
    const app = median(appSizes);
    const zip = (dir: string) => path.join(dir, 'build', 'build.zip');
    const own = await compressedBytes(zip(appDir), OWN_ENTRY);
    const bareOwn = await compressedBytes(zip(bareDir), OWN_ENTRY);

    const manifest = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const direct = Object.keys(manifest.dependencies ?? {});
    const installed = installedPackages(path.join(appDir, 'node_modules')).size;
    const coreOnly = closureSize(['zapier-platform-core'], appDir, appDir);

    return [
      {
        measurement: `Package size: build.zip of production files (median of ${repetitions})`,
        baseline: `bare core app ${kB(bare)}`,
        value: `app ${kB(app)}`,
        ratio: app / bare,
        target: 'value < 1,000 kB',
        met: app < TARGET_BYTES,
      },
      {
        measurement:
          "Package size: the app's own files in build.zip, compressed, definition.json aside",
        baseline: `bare core app ${kB(bareOwn)}`,
        value: `app ${kB(own)}`,
        ratio: own / bareOwn,
        target: `value ≤ ${kB(TARGET_OWN_BYTES)}`,
        met: own <= TARGET_OWN_BYTES,
      },
      {
        measurement: 'Production dependencies (npm ci --omit=dev)',
        baseline: `core alone ${coreOnly} packages`,
        value: `${installed} packages (${direct.length} direct: ${direct.join(', ')})`,
        ratio: installed / coreOnly,
        target: 'none beyond core',
        met: installed <= coreOnly,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

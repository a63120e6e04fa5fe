#!/usr/bin/env bash
# Builds or pushes the app from release/, a staged copy holding only what Zapier runs: the root
# index.js, the bundled app dist/app.js (tools/bundle.ts: index.ts and everything it imports, in
# one file), package.json, the lockfile and .zapierapprc. Why: zapier-platform build/push copy the
# whole working directory to a temp folder with unbounded parallel file copies
# (zapier-platform-cli src/utils/build.js -> files.js copyDir, whose filter there keeps
# node_modules); the dev tree's ~32,000 dev-dependency files exhaust the open-file limit (EMFILE)
# and would also ship 1.8 MB of dev dependencies. See docs/publishing.md.
#   tools/release.sh build    production build.zip (offline: npm ci --omit=dev + build) -> build/
#   tools/release.sh push     zapier-platform push from release/ (Zapier's default build path)
#   tools/release.sh stage    only stage release/ (then run any zapier-platform command there)
set -euo pipefail
cd "$(dirname "$0")/.."
export DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1

mode=${1:-build}
root=$PWD
stage=$root/release
cli=$root/node_modules/.bin/zapier-platform

npm run --silent build
rm -rf "$stage"
mkdir -p "$stage/dist"
cp index.js package-lock.json .zapierapprc "$stage/"
# The bundle alone: its source map stays home (Zapier's runtime does not enable source maps).
cp dist/app.js "$stage/dist/"
printf 'node_modules/\nbuild/\n' >"$stage/.gitignore"
# dist/app.js is built already and release/ has no TypeScript: no `_zapier-build` hook, no scripts.
node -e '
  const fs = require("fs");
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  delete pkg.scripts;
  fs.writeFileSync(process.argv[1], JSON.stringify(pkg, null, 2) + "\n");
' "$stage/package.json"

case "$mode" in
  stage) echo "staged $stage" ;;
  build)
    (cd "$stage" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
      && "$cli" build --skip-dep-install --skip-validation)
    mkdir -p build
    cp "$stage/build/build.zip" "$stage/build/source.zip" build/
    node -e '
      const { execFileSync } = require("child_process");
      const list = execFileSync("unzip", ["-Z1", "build/build.zip"], { encoding: "utf8" }).trim().split("\n");
      const bytes = require("fs").statSync("build/build.zip").size;
      console.log(`build/build.zip: ${bytes} bytes, ${list.length} files, ${list.filter((f) => f.endsWith("package.json")).length} package.json`);
    '
    ;;
  push) (cd "$stage" && "$cli" push) ;;
  *) echo "usage: tools/release.sh build|push|stage" >&2; exit 2 ;;
esac

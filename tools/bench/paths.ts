import path from 'node:path';

/** The project root: the bench runs from `dist/tools/bench/`. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The root shim Zapier loads, which exports the compiled app from `dist/`. */
export const APP_ENTRY = path.join(PROJECT_ROOT, 'index.js');

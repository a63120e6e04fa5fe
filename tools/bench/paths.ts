import path from 'node:path';

/** The project root: the bench runs from `dist/tools/bench/`. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The root index.js Zapier loads, which exports the bundled app `dist/app.js`. */
export const APP_ENTRY = path.join(PROJECT_ROOT, 'index.js');

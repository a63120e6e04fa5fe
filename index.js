// Zapier's CLI and runtime load a CommonJS app from the root index.js: the bundled app of
// tools/bundle.ts (`npm run build`), the file build.zip ships.
module.exports = require('./dist/app.js').default;

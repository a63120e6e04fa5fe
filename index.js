// Zapier's CLI and runtime load a CommonJS app from the root index.js: export the compiled definition itself.
module.exports = require('./dist/index.js').default;

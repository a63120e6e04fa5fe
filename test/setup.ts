import nock from 'nock';

// Tests never touch the internet: only loopback (the local Re:amaze sandbox) may be reached.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
delete process.env.REAMAZE_BASE_URL;

// Core's Lambda guard exits the process after 250 runs in one module registry once RSS passes
// 450 MB. A jest worker running a long simulation is not a Lambda, and an exit kills the worker.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const coreConstants = require('zapier-platform-core/src/constants') as { KILL_MIN_LIMIT: number };
coreConstants.KILL_MIN_LIMIT = Number.POSITIVE_INFINITY;

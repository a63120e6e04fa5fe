import nock from 'nock';

// Tests never touch the internet: only loopback (the local Re:amaze sandbox) may be reached.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
delete process.env.REAMAZE_BASE_URL;

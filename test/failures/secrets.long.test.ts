import { operationSecrets } from './secrets';

/** The token never leaks from any operation case, under every echoing failure (see secrets.ts). */

jest.setTimeout(20_000);

operationSecrets({ full: true });

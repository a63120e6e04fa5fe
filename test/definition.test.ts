import * as core from 'zapier-platform-core';
import App from '../index';
import packageJson from '../package.json';
import { definitionProblems } from './integration-checks';

type ValidateResult = { status: string; results: { property: string; message: string }[] };
// createAppHandler exists at runtime (zapier-platform-core/index.js) but is missing from core's typings.
const createAppHandler = (
  core as unknown as {
    createAppHandler: (app: object) => (event: object) => Promise<ValidateResult>;
  }
).createAppHandler;

const validate = (app: object) => createAppHandler(app)({ command: 'validate' });

describe('the app definition', () => {
  it("passes Zapier's own schema validation (what `zapier-platform validate` runs)", async () => {
    const result = await validate(App);
    expect(result.results).toEqual([]);
  });

  it('schema validation does catch a broken definition', async () => {
    const broken = {
      ...App,
      triggers: {
        ...App.triggers,
        broken: { key: 'broken', noun: 'Broken', display: { label: 'Broken', description: 'x' } },
      },
    };
    const result = await validate(broken);
    expect(result.results.length).toBeGreaterThan(0);
  });

  it('takes its version from package.json and runs on the installed core', () => {
    expect(App.version).toBe(packageJson.version);
    expect(App.platformVersion).toBe(core.version);
    expect(packageJson.dependencies['zapier-platform-core']).toBe(core.version);
  });

  it('the root index.js exports the bundled definition itself, as Zapier loads it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const shim = require('../index.js');
    expect(shim.default).toBeUndefined();
    expect(Object.keys(shim).sort()).toEqual(Object.keys(App).sort());
    expect(Object.keys(shim.triggers).sort()).toEqual(Object.keys(App.triggers).sort());
    expect(Object.keys(shim.creates ?? {}).sort()).toEqual(Object.keys(App.creates ?? {}).sort());
    expect(Object.keys(shim.searches ?? {}).sort()).toEqual(Object.keys(App.searches ?? {}).sort());
    expect(shim.authentication.connectionLabel).toBe(App.authentication?.connectionLabel);
    // The bundle's definition (samples included) is the sources', byte for byte.
    expect(JSON.stringify(shim)).toBe(JSON.stringify(App));
  });

  it('meets the integration checks that can be checked offline', () => {
    expect(definitionProblems(App)).toEqual([]);
  });
});

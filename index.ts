import { defineApp, version as platformVersion } from 'zapier-platform-core';
import packageJson from './package.json';
import authentication from './authentication';
import channelList from './triggers/channel_list';

/** The Re:amaze integration: one registry entry per operation, each defined in its own file. */
export default defineApp({
  version: packageJson.version,
  platformVersion,
  authentication,
  flags: {
    // Empty optional fields must reach our code as empty so each operation decides (see lib/input.ts).
    cleanInputData: false,
  },
  triggers: {
    [channelList.key]: channelList,
  },
  creates: {},
  searches: {},
});

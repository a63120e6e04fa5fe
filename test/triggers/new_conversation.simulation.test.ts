import { defaultListSimulations } from './new_conversation.simulation.suites';

/** Everyday length; new_conversation.simulation.long.test.ts runs two brands over 12 hours. */
defaultListSimulations({ seeds: [11], hours: 5 });

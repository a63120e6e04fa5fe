import { bundleApp } from '../tools/bundle';

/** The end-to-end tests load the root index.js, so they run the bundle Zapier would: build it. */
export default function globalSetup(): void {
  bundleApp();
}

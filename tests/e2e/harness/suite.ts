import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserName, type E2EBrowser, type LaunchOptions } from './browsers';
import { sharedFakeSites, startFakeSites, type FakeSites } from './fake-sites';

export interface Suite {
  readonly b: E2EBrowser;
  readonly sites: FakeSites;
  /** A line in the run's output, marked with the browser's name. */
  log: (msg: string) => void;
  /** Whether an address is the extension's interstitial. */
  isInterstitial: (href: string) => boolean;
}

/**
 * One browser with the built extension for a describe block, on the fake sites with their
 * log cleared: started before its tests (then `setup`), closed after them (Firefox is
 * handed back to be shared, see browsers.ts). Prints the browser version.
 */
export function browserSuite(
  name: BrowserName,
  setup?: (s: Suite) => Promise<void>,
  /**
   * `ownSites`: a fake-site server of its own, with its own log, for a browser whose tests
   * run at the same time as another browser's in one file. Its Firefox is not shared.
   * `privateWindows`: as launch() takes it (the log lines say which).
   */
  {
    ownSites = false,
    privateWindows,
  }: { ownSites?: boolean; privateWindows?: LaunchOptions['privateWindows'] } = {},
): Suite {
  const label = privateWindows ? `${name}, private windows ${privateWindows}` : name;
  let b: E2EBrowser | undefined;
  let sites: FakeSites | undefined;
  const suite: Suite = {
    get b() {
      if (!b) throw new Error('the browser is not started yet');
      return b;
    },
    get sites() {
      if (!sites) throw new Error('the fake sites are not started yet');
      return sites;
    },
    log: (msg) => console.log(`[${label}] ${msg}`),
    isInterstitial: (href) => href.startsWith(`${suite.b.extensionBase}interstitial.html`),
  };
  beforeAll(async () => {
    sites = ownSites ? await startFakeSites() : await sharedFakeSites();
    b = await launch(name, sites, { shared: !ownSites, ...(privateWindows && { privateWindows }) });
    suite.log(`browser: ${b.version}`);
    await setup?.(suite);
  });
  afterAll(async () => {
    await b?.close();
    if (ownSites) await sites?.close();
  });
  return suite;
}

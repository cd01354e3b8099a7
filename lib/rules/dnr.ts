import type { WxtBrowser as Browser } from 'wxt/browser';

/** The subset of chrome.declarativeNetRequest.Rule this extension writes. */
export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'block' }
    | { type: 'allow' }
    | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: boolean;
    /** The types the rule applies to. */
    resourceTypes?: ResourceType[];
    /**
     * Instead of resourceTypes: every type the browser knows but these. Firefox knows more
     * types than Chrome (a beacon is "beacon" there, not "ping"), so only this form reaches
     * them all in both.
     */
    excludedResourceTypes?: ResourceType[];
    /** Requests made by pages of these domains, or their subdomains, are left alone. */
    excludedInitiatorDomains?: string[];
    /** Requests to these domains, or their subdomains, are left alone. */
    excludedRequestDomains?: string[];
    tabIds?: number[];
  };
}

export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'other';

/** One atomic change: the removals happen before the additions. */
export interface RuleUpdate {
  removeRuleIds?: number[];
  addRules?: DnrRule[];
}

/** The dynamic rules (the profiles' rules; they persist across restarts). */
export interface DynamicRules {
  getDynamicRules(): Promise<DnrRule[]>;
  updateDynamicRules(update: RuleUpdate): Promise<void>;
  /** Chrome and Firefox both have it; when absent, every regex is taken as supported. */
  isRegexSupported?(options: {
    regex: string;
    isCaseSensitive?: boolean;
    requireCapturing?: boolean;
  }): Promise<{ isSupported: boolean; reason?: string }>;
}

/** The session rules ("allow once"; gone when the browser closes). */
export interface SessionRules {
  getSessionRules(): Promise<DnrRule[]>;
  updateSessionRules(update: RuleUpdate): Promise<void>;
}

/** The part of declarativeNetRequest the extension uses, typed with its own rule shape. */
export type Dnr = DynamicRules & SessionRules;

/**
 * The browser's declarativeNetRequest, typed as the extension uses it. The browser's own
 * types spell rule fields as enums and declare the whole API surface; the rules written
 * here are their string values, so this is the one place the two are equated (the only
 * cast of the API in the project). Every user of DNR goes through it; tests pass stubs of
 * `Dnr` (or the part they need) instead.
 */
export function dnrOf(browser: Pick<Browser, 'declarativeNetRequest'>): Dnr {
  return browser.declarativeNetRequest as unknown as Dnr;
}

/**
 * Every limit on what the person types, what is stored, what a message carries and what a
 * backup may hold, each written once. The forms, the settings reader, the backup checker
 * and the message protocol import them from here, so they cannot drift apart (a reason the
 * form accepted must never be one a backup refuses).
 *
 * This module imports nothing: any context may load it, the page-side guard included.
 * Lengths are in UTF-16 code units (String.length), as the forms and checkers count them.
 */

// --- What the person writes ------------------------------------------------------------

/** A reason is shown whole on the blocked page's card, where a short one reads at a glance. */
export const REASON_MAX_CHARS = 300;
/** Enough reasons to take turns on the blocked page; more would rarely come up. */
export const REASONS_MAX = 20;
/** Each half of an if-then plan, so the whole sentence fits on the blocked page's card. */
export const IF_THEN_PART_MAX_CHARS = 200;
/** As many if-then plans as reasons: enough to take turns, few enough to keep in mind. */
export const IF_THEN_MAX = 20;
/** A note on a logged event: a few lines for the person's own history, not a diary. */
export const NOTE_MAX_CHARS = 1000;
/** A kept draft: long enough for any message; short enough that a backup stays small. */
export const DRAFT_MAX_CHARS = 10_000;

// --- The plan and its friction ---------------------------------------------------------

/** The shortest goal: one day at a time is a goal too. */
export const GOAL_DAYS_MIN = 1;
/** The longest goal: ten years, far past any plan a count still helps with. */
export const GOAL_DAYS_MAX = 3650;
/** No pause is allowed (the typed phrase may be friction enough). */
export const PAUSE_SECONDS_MIN = 0;
/** A minute: longer waits teach people to close the tab and find another way in. */
export const PAUSE_SECONDS_MAX = 60;
/** "Continue anyway" lets the person in for at least a minute, or it could not load. */
export const ALLOW_MINUTES_MIN = 1;
/** At most an hour: an allowance must run out while the moment that asked for it lasts. */
export const ALLOW_MINUTES_MAX = 60;

// --- Dates and times -------------------------------------------------------------------

/** Nothing dated before this was recorded by No Contact (it checks typos such as 1026). */
export const EARLIEST_DATE = '2000-01-01';
/** EARLIEST_DATE's midnight, UTC, in epoch milliseconds. */
export const EARLIEST_TIME = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
/** EARLIEST_DATE's year, as the messages say it ("the year 2000 or later"). */
export const EARLIEST_YEAR = Number(EARLIEST_DATE.slice(0, 4));
/** How far ahead of this computer's clock a backup's times may be (another device's clock may run fast). */
export const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;
/** A plan may be set to start ahead of time, but not more than a year ahead. */
export const PLAN_START_MAX_AHEAD_DAYS = 366;
/** A waiting change is due a day after it was asked for; a year ahead is surely damage. */
export const PENDING_DUE_MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

// --- Identifiers and addresses ---------------------------------------------------------

/** Ids and dedupe keys: UUIDs (36 characters) with room to spare. */
export const KEY_MAX_CHARS = 100;
/** A stored dedupe key: a sent one, or one the background builds from an id ("cooling-off:<id>"). */
export const STORED_DEDUPE_KEY_MAX_CHARS = 200;
/** A profile's account key (a handle, a numeric id, a page path): far longer than any site allows. */
export const PROFILE_KEY_MAX_CHARS = 512;
/** A profile's id: its platform's name, a colon, and the key. */
export const PROFILE_ID_MAX_CHARS = 600;
/** A profile's shown name ("Instagram · @jamie"), built from the key. */
export const PROFILE_NAME_MAX_CHARS = 300;
/** A profile's address, built from the key: the length browsers and servers reliably keep. */
export const PROFILE_URL_MAX_CHARS = 2048;
/** Any address a page was on (the blocked page's, "Continue anyway"'s): 8 KiB, as most servers allow. */
export const ADDRESS_MAX_CHARS = 8192;

// --- Backups ---------------------------------------------------------------------------

/** A backup file: far more than years of heavy use take (about 250 bytes an event). */
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
/** BACKUP_MAX_BYTES in the megabytes the messages name. */
export const BACKUP_MAX_MB = BACKUP_MAX_BYTES / (1024 * 1024);
/** How deep a backup's JSON may nest: the format needs 6 levels; more is a hostile file. */
export const BACKUP_MAX_DEPTH = 16;

// --- The browser's blocking rules ------------------------------------------------------
// Measured in Chromium 156 and Firefox ESR 153 (the declarativeNetRequest constants, then
// rules added until the browser refused; see lib/rules/budget.ts for how), and the same as
// Chrome's documentation and Firefox's ExtensionDNRLimits.sys.mjs say.

/** Regex rules: 1000 in both browsers (Chrome counts dynamic and session rules together; Firefox each set apart). */
export const BROWSER_REGEX_RULES_MAX = 1000;
/** Dynamic rules in all: Firefox's 5000 (Chrome allows 30,000, of which 5000 "unsafe", such as redirects). */
export const BROWSER_DYNAMIC_RULES_MAX = 5000;
/** Room left for "allow once" session rules (1 to 3 each), which share Chrome's 1000 regex rules. */
export const ALLOW_RULES_HEADROOM = 100;
/** The listed profiles' regex rules; one figure for both browsers, so a list (or a backup) that fits one fits the other. */
export const PROFILE_REGEX_RULES_MAX = BROWSER_REGEX_RULES_MAX - ALLOW_RULES_HEADROOM;
/** Chrome compiles a regexFilter with RE2 in at most 2 KB ("memoryLimitExceeded"); Firefox has no such limit. */
export const CHROME_REGEX_MEMORY_BYTES = 2048;
/** Estimated RE2 instructions a regex may have to fit CHROME_REGEX_MEMORY_BYTES (about 116 do; see lib/rules/regex.ts). */
export const REGEX_BUDGET = 108;
/** How long the add form waits for the background's check of the rules before it says it could not confirm them. */
export const RULE_CHECK_WAIT_MS = 10_000;

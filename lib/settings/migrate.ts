import { isInt, isObj, type Obj } from '../check';
import { words, type Words } from '../words';
import { CONVERSATION_PLATFORMS, isConversationId } from './conversation';
import { DEFAULT_PURPOSE, SETTINGS_VERSION, type Notice } from './types';

// Migrations: one function per change of shape, each taking the stored object of version
// n to version n + 1. They only reshape; validation happens once, on the current shape
// (see read.ts).

const MIGRATIONS: Record<number, (s: Obj) => Obj> = {
  // v2 added pending cooling-off changes (and the plan's optional time zone, which needs
  // no data change).
  1: (s) => ({ ...s, version: 2, pending: [] }),
  // v3 added the person's if-then plans.
  2: (s) => ({ ...s, version: 3, ifThen: [] }),
  // v4 asked what the days are for, and made Modified No Contact about conversations only.
  3: modifiedToConversations,
};

/**
 * v3 -> v4. Modified No Contact means brief, necessary communication; a look at a profile
 * is a look under any plan. So a profile (not a conversation) kept as Modified becomes a
 * plain blocked profile, and a waiting switch of one to Modified is dropped: both only
 * add protection, so they need no waiting period. Nothing else changes, and a notice
 * tells the person once what happened and why.
 */
function modifiedToConversations(s: Obj): Obj {
  let profilesChanged = 0;
  let pendingDropped = 0;
  const profiles = Array.isArray(s.profiles)
    ? s.profiles.map((p: unknown) => {
        if (
          isObj(p) &&
          p.mode === 'modified' &&
          !(CONVERSATION_PLATFORMS as readonly unknown[]).includes(p.platform)
        ) {
          profilesChanged++;
          return { ...p, mode: 'block' };
        }
        return p;
      })
    : s.profiles;
  const pending = Array.isArray(s.pending)
    ? s.pending.filter((p: unknown) => {
        const drop =
          isObj(p) &&
          isObj(p.change) &&
          p.change.kind === 'switch-to-modified' &&
          typeof p.change.profileId === 'string' &&
          !isConversationId(p.change.profileId);
        if (drop) pendingDropped++;
        return !drop;
      })
    : s.pending;
  const notices: Notice[] =
    profilesChanged + pendingDropped > 0
      ? [{ kind: 'modified-profiles-blocked', profiles: profilesChanged, pendingDropped }]
      : [];
  return { ...s, version: 4, profiles, pending, purpose: DEFAULT_PURPOSE, notices };
}

/** Brings a stored object of any known version to the current version's shape (unvalidated). */
export function migrateSettings(raw: Obj): { value: Obj; problems: Words[] } {
  const problems: Words[] = [];
  let value = raw;
  let version = value.version;
  if (version === undefined) {
    // Early builds may have written settings before the version field existed; their
    // shape is v1's.
    version = 1;
  }
  if (!isInt(version, 1, Number.MAX_SAFE_INTEGER)) {
    problems.push(words('settingsNoVersion'));
    return { value: { ...value, version: SETTINGS_VERSION }, problems };
  }
  if (version > SETTINGS_VERSION) {
    problems.push(words('settingsNewerVersion'));
    return { value: { ...value, version: SETTINGS_VERSION }, problems };
  }
  while ((version as number) < SETTINGS_VERSION) {
    const step = MIGRATIONS[version as number];
    if (!step) throw new Error(`No settings migration from version ${String(version)}`);
    value = step(value);
    version = value.version;
  }
  return { value, problems };
}

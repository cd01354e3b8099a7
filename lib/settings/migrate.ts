import { isInt, type Obj } from '../check';
import { words, type Words } from '../words';
import { SETTINGS_VERSION } from './types';

// Migrations: one function per change of shape, each taking the stored object of version
// n to version n + 1. They only reshape; validation happens once, on the current shape
// (see read.ts).

const MIGRATIONS: Record<number, (s: Obj) => Obj> = {
  // v2 added pending cooling-off changes (and the plan's optional time zone, which needs
  // no data change).
  1: (s) => ({ ...s, version: 2, pending: [] }),
  // v3 added the person's if-then plans.
  2: (s) => ({ ...s, version: 3, ifThen: [] }),
};

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

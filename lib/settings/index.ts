/**
 * The stored settings (plan, profiles, friction, the person's words, waiting changes):
 * their shape, how older shapes are migrated, how a damaged value is read and repaired,
 * and how every context reads and writes them. One job a file:
 * - types.ts: the shape, its defaults and the storage key;
 * - predicates.ts: whether a stored part is exactly right;
 * - migrate.ts: older versions to the current shape;
 * - read.ts: any stored value to settings, keeping what can be kept;
 * - storage.ts: load, read and update through a storage area;
 * - lock.ts: the one lock every settings write holds;
 * - damaged.ts: the kept copies of what a repair replaced.
 */

export * from './types';
export {
  isAllowMinutes,
  isChange,
  isFriction,
  isIfThenPlan,
  isPauseSeconds,
  isPendingChange,
  isProfile,
} from './predicates';
export { migrateSettings } from './migrate';
export { parseSettings, readSettingsValue, type SettingsRead } from './read';
export { loadSettings, readSettings, updateSettings } from './storage';
export { inProcessLock, settingsLock, SETTINGS_LOCK_NAME, type SettingsLock } from './lock';
export {
  SETTINGS_DAMAGED_KEY,
  SETTINGS_DAMAGED_SEEN_KEY,
  unreadDamage,
  type DamagedCopy,
} from './damaged';

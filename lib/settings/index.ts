/**
 * The stored settings (plan, profiles, friction, the person's words, waiting changes):
 * their shape, how older shapes are migrated, how a damaged value is read and repaired,
 * and how every context reads and writes them. One job a file:
 * - types.ts: the shape, its defaults and the storage key;
 * - predicates.ts: whether a stored part is exactly right;
 * - migrate.ts: older versions to the current shape;
 * - conversation.ts: which listed entries are conversations, the only ones that may be Modified;
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
  isNotice,
  isPauseSeconds,
  isPendingChange,
  isProfile,
} from './predicates';
export { migrateSettings } from './migrate';
export {
  CONVERSATION_PLATFORMS,
  effectiveMode,
  isConversation,
  isConversationId,
} from './conversation';
export { parseSettings, readSettingsValue, type SettingsRead } from './read';
export { loadSettings, readSettings, updateSettings } from './storage';
export { inProcessLock, settingsLock, SETTINGS_LOCK_NAME, type SettingsLock } from './lock';
export {
  SETTINGS_DAMAGED_KEY,
  SETTINGS_DAMAGED_SEEN_KEY,
  unreadDamage,
  type DamagedCopy,
} from './damaged';

/**
 * Backups: export, a strict check of a file, and applying a checked one, all or nothing.
 * One job a file:
 * - format.ts: the file's shape and the checker's answers;
 * - export.ts: everything into one file;
 * - refuse.ts: the field checks that refuse a file in words;
 * - check-settings.ts and check.ts: the strict check (nothing is changed by it);
 * - apply.ts: replacing everything with a checked backup, rolled back on failure;
 * - delete.ts: deleting everything;
 * - waits.ts: what an import or a delete would lower, kept waiting out the cooling-off.
 * The product checks in the options page (checkBackup, for the preview) and the background
 * checks again and applies (checkBackup, then applyBackup).
 */

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type CheckedBackup,
  type ImportCheck,
  type ImportPreview,
  type ImportProblem,
  type ImportProblemCode,
} from './format';
export { backupToJson, exportBackup } from './export';
export { checkBackup } from './check';
export { applyBackup, ImportFailed } from './apply';
export { deleteEverything, type ClearableArea } from './delete';
export { importedSettings, keptAfterDelete, waitsFrom, type Waits } from './waits';

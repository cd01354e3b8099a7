import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBackup, deleteEverything } from '@/lib/backup';
import {
  inProcessLock,
  loadSettings,
  SETTINGS_KEY,
  updateSettings,
  type SettingsLock,
} from '@/lib/settings';
import { HeldFirstWriteArea } from '../settings/slow-area';
import { checked, closeAll, fixtureText, freshDb } from './helpers';

afterEach(closeAll);

/** No lock at all: what the backup's writes did before the settings lock. */
const noLock: SettingsLock = (fn) => fn();

/** An update from another context that has read the settings and is about to write them. */
const addReason = (area: HeldFirstWriteArea, lock: SettingsLock) =>
  updateSettings(
    area,
    (s) => ({ ...s, reasons: [...s.reasons, 'Written meanwhile.'] }),
    Date.now,
    lock,
  );

describe("a backup's settings write and the clear take the settings lock", () => {
  it.each([
    ['with the lock', inProcessLock(), ['Space to heal.', 'Sleep.']],
    // Control: the update read the old settings before the import, and wrote them back after.
    ['control: without it the update overwrites the import', noLock, ['Written meanwhile.']],
  ])('applying a backup while an update is under way (%s)', async (_name, lock, reasons) => {
    const db = freshDb();
    const area = new HeldFirstWriteArea();
    const update = addReason(area, lock);
    await applyBackup(db, area, checked(fixtureText()), lock);
    await update;
    // With the lock the update lands first and the import replaces it, as a later write should.
    expect((await loadSettings(area)).reasons).toEqual(reasons);
  });

  it.each([
    ['with the lock', inProcessLock(), false],
    ['control: without it the update brings the settings back', noLock, true],
  ])('deleting everything while an update is under way (%s)', async (_name, lock, left) => {
    const db = freshDb();
    const area = new HeldFirstWriteArea();
    const update = addReason(area, lock);
    await deleteEverything(db, area, lock);
    await update;
    expect(area.data.has(SETTINGS_KEY)).toBe(left);
  });
});

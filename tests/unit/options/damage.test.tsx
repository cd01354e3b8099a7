// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettingsDamage } from '@/components/hooks/use-settings-damage';
import { DamageNotice } from '@/components/options/DamageNotice';
import {
  defaultSettings,
  loadSettings,
  SETTINGS_DAMAGED_KEY,
  SETTINGS_DAMAGED_SEEN_KEY,
  SETTINGS_KEY,
  unreadDamage,
  type DamagedCopy,
} from '@/lib/settings';
import { words } from '@/lib/words';

afterEach(cleanup);

describe('unreadDamage', () => {
  const goal = words('settingsGoalReset', 30);
  const lost = words('settingsProfileLostOne');
  const copy = (savedAt: number, problems: unknown[]) => ({ savedAt, problems, value: {} });

  it('gives what is damaged now and what copies newer than the last read recorded, once each', () => {
    const copies = [copy(10, [lost]), copy(20, [goal, lost]), copy(30, ['An older sentence.'])];
    expect(unreadDamage([goal], copies, 15)).toEqual({
      problems: [goal, lost, 'An older sentence.'],
      newest: 30,
    });
    expect(unreadDamage([], copies, 30)).toEqual({ problems: [], newest: null });
    expect(unreadDamage([], copies, undefined).newest).toBe(30);
  });

  it('passes over anything in storage that is not a copy or not words', () => {
    const odd = [null, 5, { savedAt: 'x', problems: [goal] }, copy(40, [7, { key: 1 }, lost])];
    expect(unreadDamage([], odd, null)).toEqual({ problems: [lost], newest: 40 });
    expect(unreadDamage([], 'not a list', null)).toEqual({ problems: [], newest: null });
  });
});

describe('the options page tells the person about damaged settings', () => {
  function Harness() {
    const { problems, dismiss } = useSettingsDamage();
    return <DamageNotice problems={problems} onDismiss={dismiss} />;
  }
  beforeEach(() => fakeBrowser.reset());

  it("says what was damaged and, once read, saves the repair, keeps the original, and doesn't say it again", async () => {
    const damaged = {
      ...defaultSettings(),
      plan: { startDate: '2026-11-01', goalDays: 'thirty', looksRestart: true },
    };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: damaged });
    render(<Harness />);
    await screen.findByText("The plan's goal could not be read; it was set to 30 days.");
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Some of your saved settings could not be read',
    );

    fireEvent.click(screen.getByRole('button', { name: "I've read this" }));
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
    const stored = await fakeBrowser.storage.local.get(null);
    // Repaired and saved; the damaged original kept beside it, marked as read.
    expect((await loadSettings(fakeBrowser.storage.local)).plan?.goalDays).toBe(30);
    expect((stored[SETTINGS_KEY] as { plan: { goalDays: unknown } }).plan.goalDays).toBe(30);
    const copies = stored[SETTINGS_DAMAGED_KEY] as DamagedCopy[];
    expect(copies).toHaveLength(1);
    expect(copies[0]!.value).toEqual(damaged);
    expect(stored[SETTINGS_DAMAGED_SEEN_KEY]).toBe(copies[0]!.savedAt);

    cleanup();
    render(<Harness />);
    // Read again from storage: nothing new to say.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('shows nothing when the settings are sound', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    render(<Harness />);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('heading')).toBeNull();
  });
});

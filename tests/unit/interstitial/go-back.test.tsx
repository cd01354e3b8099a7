// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/interstitial/App';
import { recognise } from '@/lib/profiles';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';

const PROFILE = 'https://www.instagram.com/jamie.doe/';

async function openListed() {
  history.replaceState(null, '', `/interstitial.html#${PROFILE}`);
  const r = recognise(PROFILE);
  if (!r.ok) throw new Error('fixture');
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEY]: {
      ...defaultSettings(),
      plan: { startDate: '2024-05-01', goalDays: 30, looksRestart: true },
      profiles: [{ ...r.profile, mode: 'block', addedAt: 1 }],
    },
  });
  render(<App />);
  await screen.findByText('A profile on your list · Instagram');
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Go back on the interstitial', () => {
  it('logs one urge resisted for the profile before it leaves, then closes the tab', async () => {
    const order: string[] = [];
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((m) => {
      order.push(`send ${(m as { type: string }).type}`);
      return Promise.resolve({ ok: true, eventId: 'e1' });
    });
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockImplementation(() => {
      order.push('getCurrent');
      return Promise.resolve({ id: 7 } as never);
    });
    const remove = vi.spyOn(fakeBrowser.tabs, 'remove').mockImplementation(() => {
      order.push('remove');
      return Promise.resolve();
    });
    await openListed();
    // A tab whose only entry is this page (happy-dom's history has one entry).
    expect(history.length).toBe(1);
    const back = screen.getByRole('button', { name: 'Go back' });
    fireEvent.click(back);
    fireEvent.click(back);
    await waitFor(() => expect(remove).toHaveBeenCalledWith(7));
    expect(order).toEqual(['send log-urge', 'getCurrent', 'remove']);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(sent.mock.calls[0]![0]).toMatchObject({
      type: 'log-urge',
      source: 'interstitial',
      profileId: 'instagram:jamie.doe',
      dedupeKey: expect.any(String),
    });
  });

  it('leaves anyway when the background does not answer, and shows a neutral page if the tab cannot close', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(
      () => new Promise(() => undefined),
    );
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockRejectedValue(new Error('not a tab'));
    await openListed();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    vi.useRealTimers();
    await screen.findByRole('heading', { name: 'You stepped away' });
    // The blocked address is taken out of the address bar.
    expect(location.hash).toBe('');
  });
});

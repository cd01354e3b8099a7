// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/interstitial/App';
import { readBlockedAddress, readLongAddress } from '@/lib/blocked-address';
import { ADDRESS_MAX_CHARS } from '@/lib/limits';
import { recognise } from '@/lib/profiles';
import { defaultSettings, SETTINGS_KEY } from '@/lib/settings';

const PROFILE = 'https://www.instagram.com/jamie.doe/';
const TWO_MB = 2 * 1024 * 1024;

/** A listed profile's address, padded with a query string to `length` characters. */
const padded = (length: number, base = PROFILE) =>
  `${base}?q=${'A'.repeat(length - base.length - 3)}`;

describe('an address too long to use (readLongAddress)', () => {
  it('gives the platform and a short start of the address, from a bounded read', () => {
    const hash = `#${padded(TWO_MB)}`;
    const started = performance.now();
    const long = readLongAddress(hash);
    expect(performance.now() - started).toBeLessThan(100);
    expect(long).toEqual({ site: 'Instagram', shown: 'instagram.com/jamie.doe/' });
    // Never used as an address: nothing can be continued to.
    expect(readBlockedAddress(hash)).toBeNull();
  });

  it('names a site no platform knows by its host, and shortens a long path', () => {
    expect(readLongAddress(`#https://www.example.org/${'p'.repeat(ADDRESS_MAX_CHARS)}`)).toEqual({
      site: 'example.org',
      shown: `example.org/${'p'.repeat(47)}…`,
    });
  });

  it('is nothing for an address short enough to use, or one that is not http(s)', () => {
    expect(readLongAddress(`#${PROFILE}`)).toBeNull();
    expect(readLongAddress(`#${padded(ADDRESS_MAX_CHARS)}`)).toBeNull();
    expect(readLongAddress(`#javascript:${'a'.repeat(TWO_MB)}`)).toBeNull();
    expect(readLongAddress(`#data:text/html,${'<b>x</b>'.repeat(TWO_MB / 8)}`)).toBeNull();
    expect(readLongAddress(`#${'A'.repeat(TWO_MB)}`)).toBeNull();
  });
});

describe('the blocked page with a 2 MB address', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    const r = recognise(PROFILE);
    if (!r.ok) throw new Error('fixture');
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: {
        ...defaultSettings(),
        plan: { startDate: '2024-05-01', goalDays: 30, looksRestart: true },
        profiles: [{ ...r.profile, mode: 'block', addedAt: 1 }],
        friction: { pauseSeconds: 0, phraseRequired: false, allowMinutes: 10 },
      },
    });
  });
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', '/interstitial.html');
  });

  it('renders well under a second, showing the platform and a bounded part of the address', async () => {
    history.replaceState(null, '', `/interstitial.html#${padded(TWO_MB)}`);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const started = performance.now();
    const view = render(<App />);
    await waitFor(() => expect(document.querySelector('.eyebrow')).not.toBeNull());
    const took = performance.now() - started;
    expect(took).toBeLessThan(1000);
    const line = document.querySelector('.eyebrow')!;
    expect(line.textContent).toBe(
      'This page on Instagram came with an address too long to use: instagram.com/jamie.doe/',
    );
    expect(line.querySelector('.address')!.textContent.length).toBeLessThanOrEqual(60);
    expect(view.container.textContent.length).toBeLessThan(2000);
    // Too long to check or to go to: the way back only.
    expect(screen.getByRole('button', { name: 'Go back' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /continue/i })).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });
});

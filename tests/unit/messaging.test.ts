import { describe, expect, it } from 'vitest';
import { ADDRESS_MAX_CHARS, DRAFT_MAX_CHARS, KEY_MAX_CHARS, NOTE_MAX_CHARS } from '@/lib/limits';
import { parseMessage, senderMaySend } from '@/lib/messaging';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';

describe('message protocol', () => {
  it('accepts each well-formed request', () => {
    const good = [
      { type: 'log-urge', source: 'popup', dedupeKey: 'k1' },
      { type: 'log-urge', source: 'interstitial', dedupeKey: 'k1', profileId: 'instagram:x' },
      { type: 'log-slip', source: 'popup', what: 'message', dedupeKey: 'k2' },
      { type: 'log-slip', source: 'popup', what: 'other', note: 'a note', dedupeKey: 'k2' },
      { type: 'log-slip', source: 'popup', what: 'call', at: 1_780_000_000_000, dedupeKey: 'k2' },
      {
        type: 'log-reached-out',
        source: 'popup',
        channel: 'call',
        at: 1_780_000_000_000,
        dedupeKey: 'k',
      },
      { type: 'log-necessary-contact', source: 'popup', topic: 'work', dedupeKey: 'k' },
      { type: 'log-stage-set', dedupeKey: 'k' },
      { type: 'continue', url: 'https://www.instagram.com/x/', dedupeKey: 'k3' },
      { type: 'undo', eventId: 'e1' },
      { type: 'guard-hello' },
      { type: 'summary' },
    ];
    for (const m of good) expect(parseMessage(m), JSON.stringify(m)).toEqual(m);
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      null,
      'log-urge',
      [],
      { type: 'nope' },
      { type: 'log-urge', source: 'web', dedupeKey: 'k' },
      { type: 'log-urge', source: 'popup' },
      { type: 'log-urge', source: 'popup', dedupeKey: '' },
      { type: 'log-urge', source: 'popup', dedupeKey: 'k', extra: 1 },
      { type: 'log-slip', source: 'popup', what: 'shouting', dedupeKey: 'k' },
      { type: 'log-slip', source: 'popup', what: 'call', note: 'x'.repeat(1001), dedupeKey: 'k' },
      { type: 'log-slip', source: 'popup', what: 'call', at: 'yesterday', dedupeKey: 'k' },
      { type: 'log-slip', source: 'popup', what: 'call', at: 1.5, dedupeKey: 'k' },
      { type: 'log-reached-out', source: 'popup', channel: 'call', at: -1, dedupeKey: 'k' },
      { type: 'log-necessary-contact', source: 'popup', topic: 'feelings', dedupeKey: 'k' },
      { type: 'log-stage-set' },
      { type: 'log-stage-set', dedupeKey: 'k', source: 'popup' },
      { type: 'continue', url: 42, dedupeKey: 'k' },
      { type: 'continue', url: 'x'.repeat(9000), dedupeKey: 'k' },
      { type: 'undo', eventId: 5 },
      { type: 'guard-hello', tabId: 3 },
      { type: 'summary', plan: null },
      JSON.parse('{"type":"guard-hello","__proto__":{"polluted":true}}'),
    ];
    for (const m of bad) expect(parseMessage(m), JSON.stringify(m)).toBeNull();
  });

  it('holds every text to its limit in lib/limits, accepting exactly the limit', () => {
    const at = (n: number) => 'x'.repeat(n);
    const pairs: [(text: string) => unknown, number][] = [
      [
        (note) => ({ type: 'log-slip', source: 'popup', what: 'call', note, dedupeKey: 'k' }),
        NOTE_MAX_CHARS,
      ],
      [
        (note) => ({ type: 'log-necessary-contact', source: 'options', note, dedupeKey: 'k' }),
        NOTE_MAX_CHARS,
      ],
      [
        (note) => ({
          type: 'log-reached-out',
          source: 'options',
          channel: 'call',
          note,
          dedupeKey: 'k',
        }),
        NOTE_MAX_CHARS,
      ],
      [(url) => ({ type: 'continue', url, dedupeKey: 'k' }), ADDRESS_MAX_CHARS],
      [(dedupeKey) => ({ type: 'log-urge', source: 'popup', dedupeKey }), KEY_MAX_CHARS],
      // A little over the draft limit, so the background can say in words that it is too long.
      [(text) => ({ type: 'save-draft', id: 'd', text }), DRAFT_MAX_CHARS * 2],
    ];
    for (const [message, limit] of pairs) {
      expect(parseMessage(message(at(limit))), String(limit)).not.toBeNull();
      expect(parseMessage(message(at(limit + 1))), String(limit)).toBeNull();
    }
  });

  it('lets only the extension send, and web pages only the guard message', () => {
    const page = { id: ID, url: `${ORIGIN}popup.html` };
    const content = { id: ID, url: 'https://www.instagram.com/', tab: { id: 4 } };
    expect(senderMaySend('continue', page, ID, ORIGIN)).toBe(true);
    expect(senderMaySend('guard-hello', content, ID, ORIGIN)).toBe(true);
    expect(senderMaySend('continue', content, ID, ORIGIN)).toBe(false);
    expect(senderMaySend('log-urge', content, ID, ORIGIN)).toBe(false);
    // A web page must not read the person's numbers through the guard's context.
    expect(senderMaySend('summary', content, ID, ORIGIN)).toBe(false);
    expect(senderMaySend('guard-hello', { ...content, id: 'other' }, ID, ORIGIN)).toBe(false);
    expect(senderMaySend('log-urge', { ...page, id: 'other' }, ID, ORIGIN)).toBe(false);
  });
});

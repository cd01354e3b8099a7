import { describe, expect, it, vi } from 'vitest';
import { AskError, createAsk, type Send } from '@/lib/ask';
import { logReachedOut, logReply } from '@/lib/reached-out-log';

/** An ask whose background answers each type as given, and records what was sent. */
function background(answers: Record<string, unknown>) {
  const send = vi.fn<Send>((m) => Promise.resolve(answers[(m as { type: string }).type]));
  const sent = () => send.mock.calls.map(([m]) => m as Record<string, unknown>);
  return { ask: createAsk(send), sent };
}

describe('logging "they reached out", the same from the popup and the options page', () => {
  it('logs their contact with what the person said, once per press', async () => {
    const { ask, sent } = background({ 'log-reached-out': { ok: true, eventId: 'e1' } });
    await logReachedOut(ask, 'popup', { channel: 'message', gist: 'asking-why', note: 'hi' });
    await logReachedOut(ask, 'options', { channel: 'call', gist: 'other' });
    expect(sent()).toEqual([
      {
        type: 'log-reached-out',
        source: 'popup',
        channel: 'message',
        gist: 'asking-why',
        note: 'hi',
        dedupeKey: expect.any(String),
      },
      {
        type: 'log-reached-out',
        source: 'options',
        channel: 'call',
        gist: 'other',
        dedupeKey: expect.any(String),
      },
    ]);
    // Two presses are two entries: each has a key of its own.
    expect(sent()[0]!.dedupeKey).not.toBe(sent()[1]!.dedupeKey);
  });

  it('leaves out an empty note', async () => {
    const { ask, sent } = background({ 'log-reached-out': { ok: true, eventId: 'e1' } });
    await logReachedOut(ask, 'popup', { channel: 'message', gist: 'angry', note: '' });
    expect(sent()[0]).not.toHaveProperty('note');
  });

  it('logs a reply as necessary contact', async () => {
    const { ask, sent } = background({ 'log-necessary-contact': { ok: true, eventId: 'e2' } });
    expect(await logReply(ask, 'options', 'necessary-contact')).toEqual({
      as: 'necessary-contact',
    });
    expect(sent()).toEqual([
      { type: 'log-necessary-contact', source: 'options', dedupeKey: expect.any(String) },
    ]);
  });

  it('logs a reply as a slip, and says whether it restarted the count', async () => {
    for (const restarted of [true, false]) {
      const { ask, sent } = background({ 'log-slip': { ok: true, eventId: 'e3', restarted } });
      expect(await logReply(ask, 'popup', 'slip')).toEqual({ as: 'slip', restarted });
      expect(sent()).toEqual([
        { type: 'log-slip', source: 'popup', what: 'replied', dedupeKey: expect.any(String) },
      ]);
    }
  });

  it('rejects when the background does not answer, so the page can say it was not logged', async () => {
    const { ask } = background({});
    await expect(
      logReachedOut(ask, 'popup', { channel: 'message', gist: 'other' }),
    ).rejects.toBeInstanceOf(AskError);
    await expect(logReply(ask, 'popup', 'slip')).rejects.toBeInstanceOf(AskError);
    await expect(logReply(ask, 'options', 'necessary-contact')).rejects.toBeInstanceOf(AskError);
  });
});

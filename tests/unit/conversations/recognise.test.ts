import { describe, expect, it } from 'vitest';
import { say } from '@/lib/i18n';
import {
  askedSitesName,
  originPatternsFor,
  PLATFORM_MODULES,
  recognise,
  recognisePhone,
} from '@/lib/profiles';
import { hostPatterns, PLATFORM_HOST_PATTERNS } from '@/lib/profiles/hosts';
import { readPhone } from '@/lib/profiles/phone';
import { CONVERSATION_PLATFORMS, isConversation } from '@/lib/settings/conversation';
import { everyConversation, LINKEDIN_THREAD, listed } from '../profiles/fixtures';
import { DC, IGD, LIM, TG, WA, XM } from './cases';

const IG_THREAD = '340282366841710300949128150000000001';

describe('recognise: a conversation from any of its addresses', () => {
  const cases: [string, string][] = [
    [`https://www.instagram.com/direct/t/${IG_THREAD}/`, IGD],
    [`instagram.com/direct/t/${IG_THREAD}`, IGD],
    [`https://instagr.am/direct/t/${IG_THREAD}/?hl=de`, IGD],
    ['https://x.com/messages/1234567890-9876543210', XM],
    ['https://twitter.com/messages/1234567890-9876543210/info', XM],
    ['https://x.com/i/chat/1234567890-9876543210', XM],
    [`https://www.linkedin.com/messaging/thread/${LINKEDIN_THREAD}/`, LIM],
    [`https://www.linkedin.com/messaging/thread/${LINKEDIN_THREAD.replace(/=/g, '%3D')}/`, LIM],
    ['https://discord.com/channels/@me/112233445566778899', DC],
    ['https://canary.discordapp.com/channels/@me/112233445566778899/1200000000000000000', DC],
    ['https://discord.com/channels/%40me/112233445566778899', DC],
    ['https://web.telegram.org/k/#@jamie_doe', TG],
    ['https://web.telegram.org/a/#@Jamie_Doe', TG],
    ['https://web.telegram.org/#%40jamie_doe', TG],
    ['https://web.telegram.org/k/#123456789', 'telegram:123456789'],
    ['https://web.telegram.org/a/#-1001234567890', 'telegram:-1001234567890'],
    ['https://web.telegram.org/a/#-1001234567890_12', 'telegram:-1001234567890'],
    ['https://wa.me/447700900123', WA],
    ['https://wa.me/+447700900123?text=hi', WA],
    ['https://api.whatsapp.com/send?phone=447700900123', WA],
    ['https://api.whatsapp.com/send/?phone=%2B447700900123&text=hi', WA],
    ['https://web.whatsapp.com/send?phone=447700900123', WA],
    ['https://whatsapp.com/send?phone=+447700900123', WA],
    ['+44 7700 900123', WA],
    ['0044 7700 900123', WA],
    ['447700900123', WA],
    ['+44 (0) 7700 900123', WA],
    ['(+44) 7700-900.123', WA],
    ['tel:+447700900123', WA],
    ['+1 (555) 010-4477', 'whatsapp:15550104477'],
  ];
  it.each(cases)('%s -> %s', (input, id) => {
    const r = recognise(input);
    expect(r.ok ? r.profile.id : say(r.words)).toBe(id);
  });

  it('gives each conversation an address that is recognised as itself', () => {
    for (const p of everyConversation()) {
      const again = recognise(p.url);
      expect(again.ok && again.profile.id, p.url).toBe(p.id);
    }
  });

  it('counts every chat platform as a conversation, so it may be Modified', () => {
    for (const p of everyConversation()) expect(isConversation(p), p.id).toBe(true);
    for (const p of ['instagram', 'x', 'linkedin'] as const) {
      expect(CONVERSATION_PLATFORMS).not.toContain(p);
    }
  });

  it('tries a conversation module before the profiles of the same host', () => {
    const order = PLATFORM_MODULES.map((m) => m.platform);
    const before = (a: string, b: string) =>
      expect(order.indexOf(a as never)).toBeLessThan(order.indexOf(b as never));
    before('instagram-direct', 'instagram');
    before('x-messages', 'x');
    before('linkedin-messaging', 'linkedin');
    before('messenger', 'facebook');
  });

  it('refuses a number listed twice, however it was written', () => {
    const existing = [listed('https://wa.me/447700900123')];
    for (const input of ['+44 7700 900123', 'https://api.whatsapp.com/send?phone=447700900123']) {
      const r = recognise(input, existing);
      expect(r.ok ? 'listed' : r.reason, input).toBe('already-listed');
    }
    expect(recognise('+44 7700 900124', existing).ok).toBe(true);
  });
});

describe('recognise: refusals in plain words', () => {
  const cases: [string, string, RegExp][] = [
    ['https://www.instagram.com/direct/inbox/', 'not-a-conversation', /Instagram inbox/],
    ['https://www.instagram.com/direct/', 'not-a-conversation', /Instagram inbox/],
    ['https://www.instagram.com/direct/t/', 'not-a-conversation', /Instagram inbox/],
    ['https://x.com/messages', 'not-a-conversation', /X inbox/],
    ['https://twitter.com/messages/requests', 'not-a-conversation', /X inbox/],
    ['https://x.com/i/chat', 'not-a-conversation', /X inbox/],
    ['https://www.linkedin.com/messaging/', 'not-a-conversation', /LinkedIn inbox/],
    ['https://www.linkedin.com/messaging/thread/new/', 'not-a-conversation', /LinkedIn inbox/],
    ['https://discord.com/channels/@me', 'not-a-conversation', /Discord inbox/],
    [
      'https://discord.com/channels/998877665544332211/112233445566778899',
      'not-a-conversation',
      /group or a server channel/,
    ],
    ['https://web.telegram.org/k/', 'not-a-conversation', /Telegram inbox/],
    ['https://web.whatsapp.com/', 'not-a-conversation', /keeps the same address for every chat/],
    ['https://wa.me/07700900123', 'bad-number', /country code/],
    ['https://api.whatsapp.com/send?phone=12345', 'bad-number', /8 to 15 digits; this one has 5/],
    ['07700 900123', 'bad-number', /country code/],
    ['+44 7700', 'bad-number', /this one has 6/],
    ['+44 7700 900123 4567 89', 'bad-number', /this one has 18/],
    ['+0 7700 900123', 'bad-number', /can't read this as a phone number/],
    ['https://x.com/messages/1587000000000000000', 'not-a-conversation', /X address is a group/],
    ['https://x.com/i/chat/1587000000000000000', 'not-a-conversation', /X address is a group/],
    ['https://x.com/messages/compose?recipient_id=1234', 'not-a-profile', /isn't anyone's profile/],
  ];
  it.each(cases)('%s -> %s', (input, reason, text) => {
    const r = recognise(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(say(r.words)).toMatch(text);
  });
});

describe('phone numbers', () => {
  it('read every way people write one as the same digits', () => {
    for (const text of [
      '+44 7700 900123',
      '0044 7700 900123',
      '447700900123',
      '+44-7700-900-123',
      '+44.7700.900.123',
      '(+44) 7700 900123',
      '+44 (0)7700 900123',
      ' +44\u00a07700\u2009900123 ',
      'tel:+44-7700-900123',
    ]) {
      expect(readPhone(text), text).toEqual({ ok: true, digits: '447700900123' });
    }
  });

  it('refuse a national number, and too few or too many digits', () => {
    expect(readPhone('07700 900123')).toEqual({ ok: false, problem: 'no-country-code' });
    expect(readPhone('+1234567')).toEqual({ ok: false, problem: 'length', digits: 7 });
    expect(readPhone('+12345678')).toEqual({ ok: true, digits: '12345678' });
    expect(readPhone('+123456789012345')).toEqual({ ok: true, digits: '123456789012345' });
    expect(readPhone('+1234567890123456')).toEqual({ ok: false, problem: 'length', digits: 16 });
    expect(readPhone('+44 7700 9001x3')).toEqual({ ok: false, problem: 'malformed' });
    expect(readPhone('++447700900123')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('are the entry point the add form uses for a bare number', () => {
    const r = recognisePhone('+44 7700 900123');
    expect(r.ok && r.profile).toMatchObject({
      id: WA,
      display: 'WhatsApp · +447700900123',
      url: 'https://wa.me/447700900123',
    });
  });
});

describe('host access for conversations', () => {
  it('is asked for on the chat apps the manifest does not give, and only there', () => {
    const by = Object.fromEntries(everyConversation().map((p) => [p.platform, p]));
    expect(originPatternsFor(by.discord!)).toEqual(hostPatterns(['discord.com', 'discordapp.com']));
    expect(originPatternsFor(by.telegram!)).toEqual(hostPatterns(['web.telegram.org']));
    expect(originPatternsFor(by.whatsapp!)).toEqual(hostPatterns(['wa.me', 'whatsapp.com']));
    for (const p of ['instagram-direct', 'x-messages', 'linkedin-messaging']) {
      expect(originPatternsFor(by[p]!), p).toEqual([]);
    }
    for (const p of everyConversation()) {
      for (const o of originPatternsFor(p)) expect(PLATFORM_HOST_PATTERNS).not.toContain(o);
    }
  });

  it('names the sites as the permission prompt does', () => {
    const wa = everyConversation().find((p) => p.platform === 'whatsapp')!;
    expect(askedSitesName(wa)).toBe('wa.me, whatsapp.com');
    expect(askedSitesName(listed('https://example.com/', 'site'))).toBe('example.com');
  });
});

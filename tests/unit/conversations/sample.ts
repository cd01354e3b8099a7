import { seededRandom } from '@/bench/random';
import { recognise } from '@/lib/profiles';
import type { Profile } from '@/lib/profiles/types';

/**
 * `n` distinct listed conversations spread over every chat platform and address form,
 * made as a person makes them (pasted, then recognised), with ids of the lengths the
 * platforms use today: the 500-conversation measure beside bench/rules.ts's 500 profiles.
 */
export function sampleConversations(n: number, seed = 7): Profile[] {
  const rnd = seededRandom(seed);
  const digit = () => String(Math.floor(rnd() * 10));
  const number = (len: number) =>
    String(1 + Math.floor(rnd() * 9)) + Array.from({ length: len - 1 }, digit).join('');
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const base64 = (len: number) =>
    Array.from({ length: len }, () => b64[Math.floor(rnd() * b64.length)]).join('');
  const forms: (() => string)[] = [
    () => `https://www.instagram.com/direct/t/${number(17 + Math.floor(rnd() * 22))}/`,
    () =>
      `https://x.com/messages/${number(8 + Math.floor(rnd() * 12))}-${number(18 + Math.floor(rnd() * 2))}`,
    () => `https://x.com/i/chat/${number(19)}-${number(19)}`,
    // Today's thread ids: "2-", 48 characters of base64, the shared "XzAxMA==".
    () => `https://www.linkedin.com/messaging/thread/2-${base64(48)}XzAxMA==/`,
    () => `https://discord.com/channels/@me/${number(18 + Math.floor(rnd() * 2))}`,
    () => `https://web.telegram.org/k/#@${'jamie_'}${base64(6).toLowerCase()}`,
    () => `https://web.telegram.org/a/#${number(9 + Math.floor(rnd() * 2))}`,
    () => `+${number(2)} ${number(4)} ${number(6)}`,
    () => `https://wa.me/${number(11 + Math.floor(rnd() * 4))}`,
    () => `https://api.whatsapp.com/send?phone=${number(12)}`,
  ];
  const out = new Map<string, Profile>();
  for (let tries = 0; out.size < n && tries < n * 20; tries++) {
    const r = recognise(forms[Math.floor(rnd() * forms.length)]!());
    if (r.ok && !out.has(r.profile.id))
      out.set(r.profile.id, { ...r.profile, mode: 'block', addedAt: 0 });
  }
  return [...out.values()];
}

import { LINKEDIN_THREAD } from '../profiles/fixtures';

/*
 * What a listed conversation covers, beside tests/unit/profiles/url-cases.ts: each address
 * with the id of the listed entry that must stop it (everyConversation() in the fixtures),
 * or null when it must load. `NETWORK_CASES` are judged by the compiled rules and by the
 * matcher (the page-side guard); `GUARD_CASES` carry the chat in the fragment, which no
 * network rule sees, so only the matcher stops them.
 */

export const IGD = 'instagram-direct:340282366841710300949128150000000001';
export const XM = 'x-messages:1234567890-9876543210';
export const LIM = `linkedin-messaging:${LINKEDIN_THREAD}`;
export const DC = 'discord:112233445566778899';
export const TG = 'telegram:@jamie_doe';
export const WA = 'whatsapp:447700900123';

const IG_THREAD = '340282366841710300949128150000000001';
const LI = LINKEDIN_THREAD.replace(/=+$/, '');

export const NETWORK_CASES: [string, string | null][] = [
  // Instagram Direct: the thread on every host and spelling, nothing else.
  [`https://www.instagram.com/direct/t/${IG_THREAD}/`, IGD],
  [`https://instagram.com/direct/t/${IG_THREAD}`, IGD],
  [`https://m.instagram.com/direct/t/${IG_THREAD}?hl=en`, IGD],
  [`https://www.instagr.am/direct/t/${IG_THREAD}/`, IGD],
  [`https://www.instagram.com//direct//t//${IG_THREAD}/`, IGD],
  [`HTTPS://WWW.INSTAGRAM.COM/DIRECT/T/${IG_THREAD}/`, IGD],
  [`https://www.instagram.com/direct/t/%33${IG_THREAD.slice(1)}/`, IGD],
  [`https://instagram.com./direct/t/${IG_THREAD}/`, IGD],
  [`https://www.instagram.com/direct/t/${IG_THREAD}/details/`, IGD],
  [`https://www.instagram.com/direct/t/${IG_THREAD}#x`, IGD],
  [`https://www.instagram.com/direct/t/${IG_THREAD}0/`, null],
  [`https://www.instagram.com/direct/t/${IG_THREAD.slice(0, -1)}/`, null],
  [`https://www.instagram.com/direct/t/${IG_THREAD.slice(0, -1)}2/`, null],
  ['https://www.instagram.com/direct/t/340282366841710300949128150000000777/', null],
  ['https://www.instagram.com/direct/inbox/', null],
  ['https://www.instagram.com/direct/requests/', null],
  [`https://www.instagram.com/${IG_THREAD}/`, null],
  [`https://www.instagram.com/p/direct/t/${IG_THREAD}/`, null],
  [`https://ig.me/direct/t/${IG_THREAD}`, null],
  [`https://notinstagram.com/direct/t/${IG_THREAD}/`, null],
  // X messages and chat: both domains, both addresses, nothing else.
  ['https://x.com/messages/1234567890-9876543210', XM],
  ['https://twitter.com/messages/1234567890-9876543210', XM],
  ['https://mobile.twitter.com/messages/1234567890-9876543210/', XM],
  ['https://x.com/messages/1234567890-9876543210/info', XM],
  ['https://x.com/i/chat/1234567890-9876543210', XM],
  ['https://twitter.com/i/chat/1234567890-9876543210?x=1', XM],
  ['https://x.com//messages//1234567890-9876543210', XM],
  ['https://x.com/Messages/1234567890-9876543210', XM],
  ['https://x.com/messages/1234567890%2D9876543210', XM],
  ['https://x.com/messages/1234567890-98765432100', null],
  ['https://x.com/messages/1234567890-987654321', null],
  ['https://x.com/messages/1234567890-9876543211', null],
  ['https://x.com/messages/1234567890', null],
  ['https://x.com/messages/9876543210-1234567890', null],
  ['https://x.com/messages', null],
  ['https://x.com/messages/requests', null],
  ['https://x.com/i/chat', null],
  ['https://x.com/someone/messages/1234567890-9876543210', null],
  // LinkedIn messaging: the thread, with or without its padding, case kept.
  [`https://www.linkedin.com/messaging/thread/${LINKEDIN_THREAD}/`, LIM],
  [`https://linkedin.com/messaging/thread/${LINKEDIN_THREAD}`, LIM],
  [`https://uk.linkedin.com/messaging/thread/${LI}/`, LIM],
  [`https://www.linkedin.com/messaging/thread/${LINKEDIN_THREAD}/?trk=x`, LIM],
  [`https://www.linkedin.com//messaging//thread//${LINKEDIN_THREAD}/`, LIM],
  [`https://WWW.LINKEDIN.COM/messaging/thread/${LINKEDIN_THREAD}/`, LIM],
  [`https://www.linkedin.com/messaging/thread/${LI.toLowerCase()}/`, null],
  [`https://www.linkedin.com/messaging/thread/${LI.slice(0, 30)}/`, null],
  // Today's ids are too long for one rule whole: the rules match their beginning, and the
  // end ("XzAxMA", the shared suffix "_010") is left out (see linkedin-messaging.ts).
  [
    `https://www.linkedin.com/messaging/thread/2-ODc2NjM5YTYtNmU4Ni00YzFkLWI4NjMtZjU3NzY2N2E1NjVhXzAxMB==/`,
    LIM,
  ],
  [
    `https://www.linkedin.com/messaging/thread/2-ODc2NjM5YTYtNmU4Ni00YzFkLWI4NjMtZjU3NzY2N2E1NjVjXzAxMA==/`,
    null,
  ],
  [
    `https://www.linkedin.com/messaging/thread/2-PDc2NjM5YTYtNmU4Ni00YzFkLWI4NjMtZjU3NzY2N2E1NjVhXzAxMA==/`,
    null,
  ],
  ['https://www.linkedin.com/messaging/', null],
  ['https://www.linkedin.com/messaging/thread/new/', null],
  [`https://www.linkedin.com/in/${LI}/`, null],
  // Discord direct messages: every host, "@" either way; servers and the inbox load.
  ['https://discord.com/channels/@me/112233445566778899', DC],
  ['https://discordapp.com/channels/@me/112233445566778899', DC],
  ['https://ptb.discord.com/channels/@me/112233445566778899', DC],
  ['https://canary.discord.com/channels/@me/112233445566778899/', DC],
  ['https://discord.com/channels/%40me/112233445566778899', DC],
  ['https://discord.com/channels/@me/112233445566778899/1200000000000000000', DC],
  ['https://discord.com/channels/@ME/112233445566778899', DC],
  ['https://discord.com//channels/@me//112233445566778899', DC],
  ['https://discord.com./channels/@me/112233445566778899', DC],
  ['https://discord.com/channels/@me/1122334455667788990', null],
  ['https://discord.com/channels/@me/11223344556677889', null],
  ['https://discord.com/channels/@me/112233445566778898', null],
  ['https://discord.com/channels/@me', null],
  ['https://discord.com/channels/@me/', null],
  ['https://discord.com/channels/998877665544332211/112233445566778899', null],
  ['https://discord.com/users/112233445566778899', null],
  ['https://notdiscord.com/channels/@me/112233445566778899', null],
  ['https://discord.com.evil.example/channels/@me/112233445566778899', null],
  // WhatsApp by number: every link form, "+" either way; other numbers load.
  ['https://wa.me/447700900123', WA],
  ['https://wa.me/447700900123?text=hello', WA],
  ['https://wa.me/+447700900123', WA],
  ['https://wa.me/%2B447700900123', WA],
  ['https://www.wa.me/447700900123/', WA],
  ['https://api.whatsapp.com/send?phone=447700900123', WA],
  ['https://api.whatsapp.com/send/?phone=447700900123&text=hi', WA],
  ['https://api.whatsapp.com/send/?text=hi&phone=447700900123&type=phone_number', WA],
  ['https://api.whatsapp.com/send?phone=+447700900123', WA],
  ['https://api.whatsapp.com/send?phone=%2B447700900123', WA],
  ['https://web.whatsapp.com/send?phone=447700900123', WA],
  ['https://whatsapp.com/send?phone=447700900123', WA],
  ['https://www.whatsapp.com/send/?phone=447700900123', WA],
  ['https://wa.me/44770090012%33', WA],
  ['https://wa.me/447700900124', null],
  ['https://wa.me/4477009001230', null],
  ['https://wa.me/44770090012', null],
  ['https://wa.me/1447700900123', null],
  ['https://api.whatsapp.com/send?phone=447700900124', null],
  ['https://api.whatsapp.com/send?phone=4477009001234', null],
  ['https://api.whatsapp.com/send?phone=1447700900123', null],
  ['https://api.whatsapp.com/send?text=447700900123', null],
  ['https://api.whatsapp.com/send?myphone=447700900123', null],
  ['https://web.whatsapp.com/', null],
  ['https://wa.me/', null],
  ['https://notwa.me/447700900123', null],
  ['https://wa.me.evil.example/447700900123', null],
];

/** Telegram Web: the chat is in the fragment, so only the page-side guard stops these. */
export const GUARD_CASES: [string, string | null][] = [
  ['https://web.telegram.org/k/#@jamie_doe', TG],
  ['https://web.telegram.org/a/#@jamie_doe', TG],
  ['https://web.telegram.org/#@jamie_doe', TG],
  ['https://web.telegram.org/z/#@jamie_doe', TG],
  ['https://web.telegram.org/k/?account=2#@jamie_doe', TG],
  ['https://web.telegram.org/k/#@Jamie_Doe', TG],
  ['https://web.telegram.org/k/#%40jamie_doe', TG],
  ['https://web.telegram.org/k/#@jamie_doe/12', TG],
  ['https://web.telegram.org/k/#@jamie_doe2', null],
  ['https://web.telegram.org/k/#@jamie_do', null],
  ['https://web.telegram.org/k/#@xjamie_doe', null],
  ['https://web.telegram.org/k/#@sam_lee', null],
  ['https://web.telegram.org/k/', null],
  ['https://web.telegram.org/k/#', null],
  ['https://telegram.org/#@jamie_doe', null],
  ['https://web.telegram.org.evil.example/k/#@jamie_doe', null],
  ['https://evil.example/web.telegram.org/k/#@jamie_doe', null],
];

/** Every case, for checks that need one table (every listed conversation is hit). */
export const CONVERSATION_CASES: [string, string | null][] = [...NETWORK_CASES, ...GUARD_CASES];

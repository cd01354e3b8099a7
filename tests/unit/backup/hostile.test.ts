import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checkBackup, type ImportProblem, type ImportProblemCode } from '@/lib/backup';
import { say } from '@/lib/i18n';
import { BACKUP_MAX_BYTES } from '@/lib/limits';
import { isWords, type Words } from '@/lib/words';
import english from '../../../public/_locales/en/messages.json';
import type { Messages } from '../helpers/i18n-messages';
import { fixtureObject, fixtureText, NOW } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The valid fixture with one thing broken. */
const broken = (change: (b: Json) => void): string => {
  const b = fixtureObject() as Json;
  change(b);
  return JSON.stringify(b);
};

/** The fixture made a version 2 backup, with drafts, ticked signs and if-then plans, then broken. */
const broken2 = (change: (b: Json) => void): string =>
  broken((b) => {
    b.version = 2;
    b.settings.version = 3;
    b.settings.ifThen = [{ when: 'I want to look', then: 'I call a friend' }];
    const draft = (id: string, time: number) => ({
      id,
      text: 'Not sent.',
      time,
      localDate: '2026-03-14',
      timeZone: 'UTC',
    });
    b.drafts = [draft('d1', NOW - 5000), draft('d2', NOW - 4000)];
    b.signs = [
      { sign: 'friends-asking', noticedOn: '2026-03-12', recordedAt: NOW - 3000 },
      { sign: 'feeling-steadier', noticedOn: '2026-03-13', recordedAt: NOW - 2000 },
    ];
    change(b);
  });

interface Case {
  name: string;
  text: () => string;
  code: ImportProblemCode;
  /** Something the message must say, so the person knows what is wrong. */
  says: RegExp;
}

const DAY = 86_400_000;

const CASES: Case[] = [
  { name: 'an empty file', text: () => '', code: 'empty', says: /empty/ },
  { name: 'only whitespace', text: () => '  \n\t ', code: 'empty', says: /empty/ },
  {
    name: 'malformed JSON',
    text: () => fixtureText().slice(0, 200),
    code: 'not-json',
    says: /not a No Contact backup/,
  },
  {
    name: 'not JSON at all',
    text: () => '<html><body>backup</body></html>',
    code: 'not-json',
    says: /not readable/,
  },
  {
    name: 'a JSON list',
    text: () => '[1, 2, 3]',
    code: 'not-a-backup',
    says: /not a No Contact backup/,
  },
  {
    name: 'a bare JSON string',
    text: () => '"no-contact-backup"',
    code: 'not-a-backup',
    says: /holds data/,
  },
  {
    name: 'a 6 MB file',
    text: () => broken((b) => (b.padding = 'x'.repeat(6 * 1024 * 1024))),
    code: 'too-large',
    says: /larger than 5 MB/,
  },
  {
    name: 'just over 5 MB of multi-byte text',
    text: () => broken((b) => (b.settings.reasons = ['é'.repeat(BACKUP_MAX_BYTES / 2 + 10)])),
    code: 'too-large',
    says: /5 MB/,
  },
  {
    name: 'another format',
    text: () => broken((b) => (b.format = 'some-other-app')),
    code: 'wrong-format',
    says: /some other kind/,
  },
  {
    name: 'a newer backup version',
    text: () => broken((b) => (b.version = 3)),
    code: 'newer-version',
    says: /newer version/,
  },
  {
    name: 'a version as text',
    text: () => broken((b) => (b.version = '1')),
    code: 'unknown-version',
    says: /version number/,
  },
  {
    name: 'an unknown top-level field',
    text: () => broken((b) => (b.comment = 'hi')),
    code: 'unknown-field',
    says: /"comment" in the file/,
  },
  {
    name: 'an unknown field in an event',
    text: () => broken((b) => (b.events[1].mood = 'sad')),
    code: 'unknown-field',
    says: /"mood" in event 2/,
  },
  {
    name: 'an unknown field in the plan',
    text: () => broken((b) => (b.settings.plan.exName = 'Jamie')),
    code: 'unknown-field',
    says: /"exName" in the plan/,
  },
  {
    name: 'no events',
    text: () => broken((b) => delete b.events),
    code: 'missing-field',
    says: /has no "events"/,
  },
  {
    name: 'a slip without its kind of slip',
    text: () => broken((b) => delete b.events[2].what),
    code: 'missing-field',
    says: /event 3 has no "what"/,
  },
  {
    name: 'events that are not a list',
    text: () => broken((b) => (b.events = {})),
    code: 'wrong-type',
    says: /the events should be a list/,
  },
  {
    name: 'a time written as text',
    text: () => broken((b) => (b.events[0].time = '2026-01-10T09:00:00Z')),
    code: 'wrong-type',
    says: /time of event 1 should be a time/,
  },
  {
    name: 'a goal written as text',
    text: () => broken((b) => (b.settings.plan.goalDays = '30')),
    code: 'wrong-type',
    says: /goal should be a whole number/,
  },
  {
    name: 'an event in the future',
    text: () => broken((b) => (b.events[6].time = NOW + 2 * DAY)),
    code: 'future',
    says: /time of event 7 is dated in the future/,
  },
  {
    name: 'a backup made in the future',
    text: () => broken((b) => (b.exportedAt = new Date(NOW + 2 * DAY).toISOString())),
    code: 'future',
    says: /the backup was made is dated in the future/,
  },
  {
    name: 'an event from 1999',
    text: () => broken((b) => (b.events[1].time = Date.UTC(1999, 11, 31))),
    code: 'too-old',
    says: /event 2 is dated before the year 2000/,
  },
  {
    name: 'a plan starting in 1999',
    text: () => broken((b) => (b.settings.plan.startDate = '1999-12-31')),
    code: 'too-old',
    // Not "the date the plan's start date": the place is named once.
    says: /^In this backup, the plan's start date is before the year 2000, which cannot be right\./,
  },
  {
    name: 'a plan starting next year',
    text: () => broken((b) => (b.settings.plan.startDate = '2027-06-01')),
    code: 'future',
    says: /^In this backup, the plan's start date is too far in the future\./,
  },
  {
    name: 'a goal of one and a half days',
    text: () => broken((b) => (b.settings.plan.goalDays = 1.5)),
    code: 'wrong-type',
    says: /^In this backup, the plan's goal should be a whole number, but it is a number with a fraction\./,
  },
  {
    name: 'an impossible date',
    text: () => broken((b) => (b.events[1].localDate = '2026-02-30')),
    code: 'bad-date',
    says: /not a real date \("2026-02-30"\)/,
  },
  {
    name: 'a day far from its time',
    text: () => broken((b) => (b.events[1].localDate = '2026-01-05')),
    code: 'date-mismatch',
    says: /day of event 2 does not fit its time/,
  },
  {
    name: 'an unreadable export time',
    text: () => broken((b) => (b.exportedAt = 'last Tuesday')),
    code: 'bad-time',
    says: /when it was made/,
  },
  {
    name: 'a javascript: profile address',
    text: () => broken((b) => (b.settings.profiles[0].url = 'javascript:alert(document.cookie)')),
    code: 'address-scheme',
    says: /"javascript:" address/,
  },
  {
    name: 'a file: profile address',
    text: () => broken((b) => (b.settings.profiles[1].url = 'file:///etc/passwd')),
    code: 'address-scheme',
    says: /profile 2 is a "file:" address/,
  },
  {
    name: 'a profile address that is not an address',
    text: () => broken((b) => (b.settings.profiles[0].url = 'instagram dot com')),
    code: 'bad-address',
    says: /not a web address/,
  },
  {
    name: 'a __proto__ key',
    text: () =>
      fixtureText().replace('"settings": {', '"settings": { "__proto__": { "isAdmin": true },'),
    code: 'forbidden-key',
    says: /"__proto__"/,
  },
  {
    name: 'a constructor key deep in an event',
    text: () => broken((b) => (b.events[3].constructor = { prototype: { polluted: true } })),
    code: 'forbidden-key',
    says: /"constructor"/,
  },
  {
    name: 'a prototype key in a profile',
    text: () => broken((b) => (b.settings.profiles[0].prototype = {})),
    code: 'forbidden-key',
    says: /"prototype"/,
  },
  {
    name: 'absurd nesting',
    text: () =>
      fixtureText().replace('"reasons": [', `"reasons": [${'['.repeat(5000)}${']'.repeat(5000)},`),
    code: 'too-deep',
    says: /nested/,
  },
  {
    name: 'two events with one id',
    text: () => broken((b) => (b.events[4].id = b.events[2].id)),
    code: 'duplicate-event',
    says: /event 5 repeats/,
  },
  {
    name: 'one action recorded twice',
    text: () => broken((b) => (b.events[3].dedupeKey = b.events[1].dedupeKey)),
    code: 'duplicate-dedupe-key',
    says: /Event 4 .* same action twice/,
  },
  {
    name: 'one profile listed twice',
    text: () => broken((b) => b.settings.profiles.push(b.settings.profiles[0])),
    code: 'duplicate-profile',
    says: /same profile twice \(Instagram · @jamie.doe\)/,
  },
  {
    name: 'a profile id that does not match its account',
    text: () => broken((b) => (b.settings.profiles[0].id = 'instagram:someone.else')),
    code: 'profile-mismatch',
    says: /does not match its account/,
  },
  {
    name: 'an account key the add form would never make (upper case on Instagram)',
    text: () =>
      broken((b) =>
        b.settings.profiles.push({
          ...b.settings.profiles[0],
          key: 'Jamie.Doe',
          id: 'instagram:Jamie.Doe',
          url: 'https://www.instagram.com/Jamie.Doe/',
        }),
      ),
    code: 'profile-mismatch',
    says: /^In this backup, the address of listed profile 3 belongs to another account than the one stored with it\./,
  },
  {
    name: 'a profile whose address is another account',
    text: () =>
      broken((b) => (b.settings.profiles[0].url = 'https://www.instagram.com/someone.else/')),
    code: 'profile-mismatch',
    says: /address of listed profile 1 belongs to another account/,
  },
  {
    name: 'a profile whose address is on another platform',
    text: () =>
      broken(
        (b) =>
          (b.settings.profiles[1] = {
            ...b.settings.profiles[0],
            key: 'sam',
            id: 'instagram:sam',
            url: 'https://x.com/sam',
          }),
      ),
    code: 'profile-mismatch',
    says: /address of listed profile 2 belongs to another account/,
  },
  {
    name: 'a profile whose address is not a profile (a feed)',
    text: () => broken((b) => (b.settings.profiles[0].url = 'https://www.instagram.com/explore/')),
    code: 'not-a-profile',
    says: /^In this backup, the address of listed profile 1 is not one No Contact can list/,
  },
  {
    name: 'a custom site on an address the form refuses (an IP address)',
    text: () =>
      broken((b) => {
        const p = b.settings.profiles[1];
        p.key = 'site:127.0.0.1';
        p.id = 'custom:site:127.0.0.1';
        p.url = 'https://127.0.0.1/';
      }),
    code: 'not-a-profile',
    says: /address of listed profile 2 is not one No Contact can list/,
  },
  {
    name: 'a custom entry whose key is neither a site nor a path',
    text: () =>
      broken((b) =>
        b.settings.profiles.push(b.settings.profiles[0], {
          ...b.settings.profiles[1],
          key: 'jamie-blog.example',
          id: 'custom:jamie-blog.example',
        }),
      ),
    code: 'profile-mismatch',
    says: /address of listed profile 4 belongs to another account/,
  },
  {
    name: 'an unknown kind of event',
    text: () => broken((b) => (b.events[1].kind = 'hug')),
    code: 'not-allowed',
    says: /"hug"/,
  },
  {
    name: 'an unknown platform',
    text: () => broken((b) => (b.settings.profiles[0].platform = 'myspace')),
    code: 'not-allowed',
    says: /"myspace"/,
  },
  {
    name: 'a note over 1000 characters',
    text: () => broken((b) => (b.events[2].note = 'n'.repeat(1001))),
    code: 'too-long',
    says: /note of event 3 is longer than 1000/,
  },
  {
    name: 'a made-up time zone',
    text: () => broken((b) => (b.events[4].timeZone = 'Mars/Olympus_Mons')),
    code: 'bad-time-zone',
    says: /time zone of event 5/,
  },
  {
    name: 'a goal of zero days',
    text: () => broken((b) => (b.settings.plan.goalDays = 0)),
    code: 'out-of-range',
    says: /goal is 0, outside 1 to 3650/,
  },
  {
    name: 'a 600-second pause',
    text: () => broken((b) => (b.settings.friction.pauseSeconds = 600)),
    code: 'out-of-range',
    says: /pause .* is 600/,
  },
  {
    name: 'old-shaped settings',
    text: () => broken((b) => (b.settings.version = 1)),
    code: 'settings-version',
    says: /version 1/,
  },
  {
    name: 'two waiting changes with one id',
    text: () => broken((b) => b.settings.pending.push(b.settings.pending[0])),
    code: 'duplicate-pending',
    says: /two waiting changes/,
  },
  {
    name: 'an event without its kind',
    text: () => broken((b) => delete b.events[1].kind),
    code: 'wrong-type',
    says: /the kind of event 2 should be text, but it is missing/,
  },
  {
    name: 'an empty draft',
    text: () => broken2((b) => (b.drafts[0].text = '')),
    code: 'wrong-type',
    says: /the text of draft 1 is empty/,
  },
  {
    name: 'an if-then plan with a blank "then"',
    text: () => broken2((b) => (b.settings.ifThen[0].then = '   ')),
    code: 'wrong-type',
    says: /the “then” part of if-then plan 1 is empty/,
  },
  {
    name: 'too many if-then plans',
    text: () =>
      broken2((b) => (b.settings.ifThen = Array(21).fill(b.settings.ifThen[0]) as unknown[])),
    code: 'out-of-range',
    says: /more than 20 if-then plans/,
  },
  {
    name: 'a sign noticed next year',
    text: () => broken2((b) => (b.signs[0].noticedOn = '2027-01-01')),
    code: 'future',
    says: /the day sign 1 was noticed is too far in the future/,
  },
  {
    name: 'two drafts with one id',
    text: () => broken2((b) => (b.drafts[1].id = b.drafts[0].id)),
    code: 'duplicate-draft',
    says: /same id \(draft 2\)/,
  },
  {
    name: 'the same sign ticked twice',
    text: () => broken2((b) => (b.signs[1].sign = b.signs[0].sign)),
    code: 'duplicate-sign',
    says: /same sign twice/,
  },
];

describe('import refuses hostile or broken files', () => {
  it(`covers at least 20 files and 20 kinds of refusal, each with its own message (${CASES.length} files)`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    const codeOf = new Map<string, ImportProblemCode>();
    for (const c of CASES) {
      const r = checkBackup(c.text(), NOW);
      expect(r.ok, c.name).toBe(false);
      if (r.ok) continue;
      // Two kinds of refusal never share a message.
      const said = say(r.problem.words);
      const seen = codeOf.get(said);
      if (seen !== undefined) expect(seen, c.name).toBe(r.problem.code);
      codeOf.set(said, r.problem.code);
    }
    expect(new Set(codeOf.values()).size).toBeGreaterThanOrEqual(20);
    // Where the file has a place to point at, the message points at it.
    expect(codeOf.size).toBeGreaterThanOrEqual(CASES.length - 4);
  });

  it.each(CASES)('refuses $name ($code), in words', ({ text, code, says }) => {
    // What the background does with a message's text; applyBackup takes only a checked
    // backup (its type says so), so a refused file cannot change anything.
    const result = checkBackup(text(), NOW);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(say(result.problem.words)).toMatch(says);
    expect(say(result.problem.words)).toMatch(/Nothing was changed\.$/);
    // No pollution leaked out of parsing.
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts the untouched fixture, so each refusal above is about its one change', () => {
    expect(checkBackup(fixtureText(), NOW).ok).toBe(true);
    expect(
      checkBackup(
        broken2(() => undefined),
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('tolerates a clock slightly behind the exporting device', () => {
    const text = broken((b) => {
      b.events[6].time = NOW + 30 * 60_000;
      b.events[6].localDate = '2026-03-14';
    });
    expect(checkBackup(text, NOW).ok).toBe(true);
  });
});

describe('a refusal is words from messages.json, not English', () => {
  const messages = english as Messages;
  const placeholders = (key: string) => Object.keys(messages[key]?.placeholders ?? {}).length;

  /** Every message in `w`, nested ones included, in the order they are said. */
  const keysOf = (w: Words): string[] => [
    w.key,
    ...(w.subs ?? []).flatMap((s) => (typeof s === 'object' ? keysOf(s) : [])),
  ];

  /** Each message exists and is given exactly as many substitutions as it has placeholders. */
  const expectComplete = (w: Words, name: string) => {
    expect(Object.hasOwn(messages, w.key), `${name}: ${w.key}`).toBe(true);
    expect(w.subs?.length ?? 0, `${name}: ${w.key}`).toBe(placeholders(w.key));
    for (const s of w.subs ?? []) if (typeof s === 'object') expectComplete(s, name);
  };

  const problems: [string, ImportProblem][] = CASES.map((c) => {
    const r = checkBackup(c.text(), NOW);
    if (r.ok) throw new Error(`${c.name} was accepted`);
    return [c.name, r.problem];
  });

  it.each(problems)('%s: says what is wrong, then that nothing was changed', (name, problem) => {
    // Plain data, so it crosses from the background to the page as it is.
    expect(isWords(problem.words)).toBe(true);
    expect(JSON.parse(JSON.stringify(problem.words))).toEqual(problem.words);
    expect(problem.words.key).toBe('backupProblem');
    expectComplete(problem.words, name);
    const said = say(problem.words);
    expect(said).toMatch(/\S Nothing was changed\.$/);
    expect(said).not.toContain('$');
  });

  /** The calls of `name` in lib/backup/, as [first argument, other arguments]. */
  const folder = new URL('../../../lib/backup/', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
  const calls = (name: string): [ts.Expression, ts.Expression[]][] => {
    const found: [ts.Expression, ts.Expression[]][] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText() === name) {
        const [first, ...rest] = node.arguments;
        found.push([first!, rest]);
      }
      ts.forEachChild(node, visit);
    };
    for (const f of files) {
      const source = readFileSync(new URL(f, folder), 'utf8');
      visit(ts.createSourceFile(f, source, ts.ScriptTarget.Latest, true));
    }
    return found;
  };

  it('every refusal in lib/backup/ is reached by one of the files above', () => {
    const refusals = calls('refuse').map(([, [problem]]) => {
      // refuse(code, words('key', ...)): the second argument names the message.
      if (!problem || !ts.isCallExpression(problem) || problem.expression.getText() !== 'words')
        throw new Error(`refuse() without words(): ${problem?.getText()}`);
      return (problem.arguments[0] as ts.StringLiteral).text;
    });
    expect(refusals.length).toBeGreaterThan(30);
    const reached = new Set(problems.map(([, p]) => keysOf(p.words)[1]));
    expect([...new Set(refusals)].filter((k) => !reached.has(k))).toEqual([]);
  });

  it('every words() in lib/backup/ names a message and fills each of its placeholders', () => {
    const all = calls('words');
    expect(all.length).toBeGreaterThan(90);
    for (const [key, subs] of all) {
      expect(ts.isStringLiteral(key), key.getText()).toBe(true);
      const k = (key as ts.StringLiteral).text;
      expect(Object.hasOwn(messages, k), k).toBe(true);
      expect(subs.length, k).toBe(placeholders(k));
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  days,
  labels,
  loadFallbackMessages,
  plural,
  say,
  sayAnswer,
  setFallbackMessages,
  t,
  tWith,
} from '@/lib/i18n';
import { isWords, words } from '@/lib/words';
import english from '../../../public/_locales/en/messages.json';
import { messageFrom, type Messages } from '../helpers/i18n-messages';

const ROOT = join(import.meta.dirname, '../../..');
const messages = english as Messages;

/** Every .ts/.tsx file under `dir` (relative to the project). */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('getMessage in the unit tests (as the browsers do it)', () => {
  const m: Messages = {
    hello: {
      message: 'Hello, $USER$! $$5 off at $Site$',
      placeholders: { user: { content: '$1' }, site: { content: 'example.com' } },
    },
    direct: { message: '$2 before $1' },
  };
  it('fills placeholders and $1..$9, and answers "" for an unknown message', () => {
    expect(messageFrom(m, 'hello', 'Cira')).toBe('Hello, Cira! $5 off at example.com');
    expect(messageFrom(m, 'hello')).toBe('Hello, ! $5 off at example.com');
    expect(messageFrom(m, 'direct', ['a', 'b'])).toBe('b before a');
    expect(messageFrom(m, 'nope')).toBe('');
    expect(messageFrom(m, 'toString')).toBe('');
  });
});

describe('t() and plural()', () => {
  it('reads the English messages with their substitutions', () => {
    expect(t('dayOfGoal', 3, 30)).toBe('Day 3 of 30');
    expect(days(1)).toBe('1 day');
    expect(days(0)).toBe('0 days');
    expect(plural(27, 'daysOne', 'daysOther')).toBe('27 days');
  });

  it('falls back to the English file, read at run time, when the browser gives no messages', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Before the file is read there is nothing to show: a mistake, not an empty string.
    expect(() => t('goBack')).toThrow(/goBack/);
    const read: string[] = [];
    await loadFallbackMessages((url) => {
      read.push(url);
      return Promise.resolve(JSON.stringify(english));
    });
    expect(read).toEqual([expect.stringMatching(/\/_locales\/en\/messages\.json$/)]);
    expect(t('goBack')).toBe('Go back');
    expect(t('dayOfGoal', 3, 30)).toBe('Day 3 of 30');
    expect(warn).toHaveBeenCalledTimes(1);
    setFallbackMessages(null);
  });

  it('reads no file when the browser gives the messages', async () => {
    const fetchText = vi.fn(() => Promise.resolve('{}'));
    await loadFallbackMessages(fetchText);
    expect(fetchText).not.toHaveBeenCalled();
  });

  it('reads the file when the browser holds another version of the extension (files replaced in place)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'No Contact',
      version: '0.1.0',
    });
    const fetchText = vi.fn(() => Promise.resolve(JSON.stringify(english)));
    await loadFallbackMessages(fetchText);
    expect(fetchText).toHaveBeenCalledTimes(1);
    setFallbackMessages(null);
  });

  it('cuts a message around the elements in its placeholders (tWith)', () => {
    const time = { element: 'time' };
    expect(tWith('profileSwitchesOn', time)).toEqual(['Switches to Modified on ', time, '.']);
    const strong = { element: 'strong' };
    expect(tWith('historySignNoticed', strong, 'Calmer')).toEqual([strong, ': Calmer']);
  });

  it('reads a table of labels in the language of the moment (labels)', () => {
    const table = labels({ a: 'goBack', b: 'continue' });
    expect(table.a).toBe('Go back');
    expect({ ...table }).toEqual({ a: 'Go back', b: 'Continue' });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Zurück');
    expect(table.a).toBe('Zurück');
  });

  it('throws for a message that does not exist, rather than showing nothing', () => {
    // @ts-expect-error: not a message key; the type stops this at compile time too.
    expect(() => t('noSuchMessage')).toThrow(/noSuchMessage/);
  });
});

describe('Words: what lib code and the background mean, said by the page', () => {
  it('says a message with its substitutions, nested words said first', () => {
    expect(say(words('profileRefusedListed', 'Instagram · @jamie.doe'))).toBe(
      'This is already on your list, as “Instagram · @jamie.doe”.',
    );
    expect(say(words('dayOfGoal', 3, 30))).toBe('Day 3 of 30');
    expect(
      say(words('profileChooseFirst', words('profileRefusedUnknownSite', 'example.org'))),
    ).toBe(t('profileChooseFirst', t('profileRefusedUnknownSite', 'example.org')));
  });

  it('says an answer only when it is words, and the fallback for anything else', () => {
    expect(sayAnswer(words('continueNotListed'), 'x')).toBe('This address is not on your list.');
    for (const odd of [undefined, null, 'plain text', 3, {}, { key: 5 }, { key: 'a', subs: 'b' }])
      expect(sayAnswer(odd, 'That did not work.'), JSON.stringify(odd)).toBe('That did not work.');
    expect(isWords({ key: 'a', subs: [1, 'b', { key: 'c' }] })).toBe(true);
    expect(isWords({ key: 'a', subs: [{ nope: 1 }] })).toBe(false);
  });
});

describe('public/_locales/en/messages.json', () => {
  const entries = Object.entries(messages);

  it('gives every message a text and a description for translators', () => {
    for (const [key, m] of entries) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(m.message.trim(), key).not.toBe('');
      expect(m.message, key).toBe(m.message.trim());
      expect(m.description?.trim(), key).toBeTruthy();
    }
  });

  it('declares each placeholder it uses, numbered $1.. in order, with an example', () => {
    for (const [key, m] of entries) {
      const used = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase());
      const declared = Object.keys(m.placeholders ?? {});
      expect(new Set(used), key).toEqual(new Set(declared.map((d) => d.toLowerCase())));
      declared.forEach((name, i) => {
        expect(m.placeholders![name]!.content, `${key}.${name}`).toBe(`$${i + 1}`);
        expect(m.placeholders![name]!.example, `${key}.${name}`).toBeTruthy();
      });
      // Any other dollar sign must be written $$.
      const rest = m.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, '');
      expect(rest, key).not.toContain('$');
    }
  });

  const code = [...sources('components'), ...sources('entrypoints'), ...sources('lib')];
  const text = code.map(read).join('\n') + read('wxt.config.ts');

  it('has every message the code asks for', () => {
    // Only where t() and plural() are the ones from lib/i18n.
    const i18nUsers = code
      .map(read)
      .filter((s) => /from '(@\/lib|\.)\/i18n'/.test(s))
      .join('\n');
    const asked = [
      ...[...i18nUsers.matchAll(/\bt\(\s*'([^']+)'/g)].map((x) => x[1]!),
      ...[...i18nUsers.matchAll(/\bplural\([^,]+,\s*'([^']+)',\s*'([^']+)'/g)].flatMap((x) => [
        x[1]!,
        x[2]!,
      ]),
      ...[...text.matchAll(/__MSG_(\w+?)__/g)].map((x) => x[1]!),
    ];
    expect(asked.length).toBeGreaterThan(100);
    for (const key of asked) expect(Object.hasOwn(messages, key), key).toBe(true);
  });

  it('has no message that nothing uses', () => {
    for (const [key] of entries)
      expect(text.includes(`'${key}'`) || text.includes(`__MSG_${key}__`), key).toBe(true);
  });
});

/**
 * Words a person would read, written into the code instead of taken from messages.json:
 * JSX text with letters; the value of an attribute that is read out or shown (aria-label,
 * title, placeholder, alt, hint, ...); and any other string or template that reads like
 * English (a capital letter, then at least one more word, or one word and a full stop),
 * wherever it is, event handlers included. Text given to `new Error()` (TypeError, ...) or
 * the console is for developers and not counted. Returns "line: text" for each.
 */
export function hardCodedText(fileName: string, source: string): string[] {
  const shown =
    /^(aria-label|aria-description|aria-valuetext|title|placeholder|alt|label|hint|submitLabel|nextLabel)$/;
  const sentence = /^\s*[A-Z][A-Za-z']*[,.:;!?]?(\s+[A-Za-z'’-]+[,.:;!?…]*)+/;
  /** A one-word message: "Saved.", "Reading…". */
  const oneWord = /^\s*[A-Z][a-z']+[.!?…]\s*$/;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${fileName}:${line}: ${value.trim()}`);
  };
  const attributeOf = (node: ts.Node): string | null => {
    for (let n = node.parent; n; n = n.parent) {
      if (ts.isJsxAttribute(n)) return n.name.getText();
      if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n)) return null;
    }
    return null;
  };
  const forDevelopers = (node: ts.Node): boolean => {
    for (let n = node.parent; n; n = n.parent) {
      if (ts.isNewExpression(n) && /^(?:[A-Z][a-z]+)?Error$/.test(n.expression.getText()))
        return true;
      if (ts.isCallExpression(n) && /^console\./.test(n.expression.getText())) return true;
    }
    return false;
  };
  /** A message key, given to t(), tWith() or plural(). */
  const isKey = (node: ts.Node): boolean =>
    ts.isCallExpression(node.parent) &&
    /^(t|tWith|plural)$/.test(node.parent.expression.getText()) &&
    node.parent.arguments.some((a) => a === node);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      const value = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ')
        : node.text;
      if (isKey(node)) return;
      const attribute = attributeOf(node);
      const readOut = attribute !== null && shown.test(attribute) && /\p{L}/u.test(value);
      // Anywhere else, event handlers included: `onClick={() => save(list, 'Plan removed.')}`.
      const prose =
        !readOut && (sentence.test(value) || oneWord.test(value)) && !forDevelopers(node);
      if (readOut || prose) report(node, value);
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the popup, the blocked page and the options page take every word from messages.json', () => {
  it('the check finds words written into the code', () => {
    const sample = `
      import { t } from '@/lib/i18n';
      const a = 'Another thought';
      const b = \`Day \${n} of \${m}\`;
      const ok = ['block', 'modified', 'no-plan', 'primary wide'];
      if (!x) throw new Error('The background could not read the log.');
      export const C = () => (
        <section class="count" aria-label="Your count" id="x">
          <p class={\`muted \${b}\`}>{t('goBack')} · {n} / …</p>
          <button>Go back</button>
          <span title={'Stop it'}>{ready ? 'Continue anyway' : ''}</span>
          <FieldNote hint="For example: look" submitLabel={t('goBack')} />
          <button onClick={() => save(list, 'Plan removed.')}>{busy ? 'Saving…' : t('goBack')}</button>
        </section>
      );`;
    const found = hardCodedText('sample.tsx', sample).map((f) => f.replace(/^[^ ]+ /, ''));
    expect(found).toEqual([
      'Another thought',
      'Day   of',
      'Your count',
      'Go back',
      'Stop it',
      'Continue anyway',
      'For example: look',
      'Plan removed.',
      'Saving…',
    ]);
  });

  // Every source file the extension is built from, so a moved or new file is read too.
  // Two files hold text no person reads, on purpose.
  const notForPeople = new Set([
    // The guard's page half answers the site's own code with the browser's AbortError text.
    'entrypoints/guard-main.content.ts',
    // The i18n module itself: its console message for a missing key is for developers.
    'lib/i18n.ts',
  ]);
  const files = [...sources('components'), ...sources('entrypoints'), ...sources('lib')].filter(
    (f) => !notForPeople.has(f),
  );

  it.each(files.map((f) => [relative('.', f)]))('%s has no words of its own', (file) => {
    expect(hardCodedText(file, read(file))).toEqual([]);
  });
});

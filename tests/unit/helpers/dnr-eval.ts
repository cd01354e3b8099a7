import { expect } from 'vitest';
import type { Profile } from '@/lib/profiles/types';
import { compileRules, NON_MAIN_FRAME } from '@/lib/rules/compile';
import type { DnrRule, ResourceType } from '@/lib/rules/dnr';
import { INTERSTITIAL } from '../profiles/fixtures';

/**
 * A small model of how declarativeNetRequest applies the rules this extension writes, so
 * that tests can ask "what happens to this request?" without a browser:
 * - a rule applies when its resourceTypes include the request's type (or, without them,
 *   its excludedResourceTypes leave the type out; with neither, every type but main_frame),
 *   its tabIds (if any) include the request's tab, the page that made the request is not
 *   on one of its excludedInitiatorDomains (or their subdomains), the request's host is not
 *   on one of its excludedRequestDomains (or their subdomains), and its regexFilter
 *   matches somewhere in the URL (RE2's partial match; case-insensitive unless
 *   isUrlFilterCaseSensitive);
 * - the applicable rule with the highest priority wins; at equal priority allow beats
 *   block beats redirect;
 * - a redirect's regexSubstitution replaces the first match within the URL (the text
 *   before and after the match stays), with \0-\9 standing for the match and its groups
 *   and \\ for a backslash, as Chrome's RE2::Replace does.
 * JavaScript runs the regex here; the patterns use only syntax that RE2 reads the same way.
 */
export interface DnrRequest {
  url: string;
  type: ResourceType;
  tabId?: number;
  /** Address of the page that made the request; none for one the person typed. */
  initiator?: string;
}

export type DnrOutcome =
  | { action: 'none' }
  | { action: 'allow' | 'block'; rule: DnrRule }
  | { action: 'redirect'; rule: DnrRule; redirectUrl: string };

const ACTION_RANK = { allow: 3, block: 2, redirect: 1 } as const;

const compiled = new Map<string, RegExp>();
function regexOf(rule: DnrRule): RegExp {
  const flags = rule.condition.isUrlFilterCaseSensitive ? '' : 'i';
  const k = `${flags}/${rule.condition.regexFilter}`;
  let re = compiled.get(k);
  if (!re) {
    re = new RegExp(rule.condition.regexFilter, flags);
    compiled.set(k, re);
  }
  return re;
}

function applies(rule: DnrRule, req: DnrRequest): RegExpExecArray | null {
  const c = rule.condition;
  if (c.resourceTypes) {
    if (!c.resourceTypes.includes(req.type)) return null;
  } else if (c.excludedResourceTypes) {
    if (c.excludedResourceTypes.includes(req.type)) return null;
  } else if (req.type === 'main_frame') {
    return null;
  }
  if (c.excludedInitiatorDomains && req.initiator) {
    const host = new URL(req.initiator).hostname;
    if (c.excludedInitiatorDomains.some((d) => host === d || host.endsWith(`.${d}`))) return null;
  }
  if (c.excludedRequestDomains) {
    const host = new URL(req.url).hostname;
    if (c.excludedRequestDomains.some((d) => host === d || host.endsWith(`.${d}`))) return null;
  }
  if (c.tabIds && (req.tabId === undefined || !c.tabIds.includes(req.tabId))) return null;
  return regexOf(rule).exec(req.url);
}

/** Chrome's substitution: `\N` is group N (empty if it did not take part), `\\` is `\`. */
export function substitute(template: string, m: RegExpExecArray): string {
  return template.replace(/\\([0-9\\])/g, (_, d: string) =>
    d === '\\' ? '\\' : (m[Number(d)] ?? ''),
  );
}

export function evaluate(rules: readonly DnrRule[], req: DnrRequest): DnrOutcome {
  let best: { rule: DnrRule; match: RegExpExecArray } | null = null;
  for (const rule of rules) {
    const match = applies(rule, req);
    if (!match) continue;
    if (
      !best ||
      rule.priority > best.rule.priority ||
      (rule.priority === best.rule.priority &&
        ACTION_RANK[rule.action.type] > ACTION_RANK[best.rule.action.type])
    ) {
      best = { rule, match };
    }
  }
  if (!best) return { action: 'none' };
  const { rule, match } = best;
  if (rule.action.type !== 'redirect') return { action: rule.action.type, rule };
  const start = match.index;
  const end = start + match[0].length;
  const redirectUrl =
    req.url.slice(0, start) +
    substitute(rule.action.redirect.regexSubstitution, match) +
    req.url.slice(end);
  return { action: 'redirect', rule, redirectUrl };
}

/**
 * The compiled rules' verdict on a requested address, as a table case states it: `id`
 * null, nothing is stopped for any resource type; otherwise the page goes to the
 * interstitial, every other request fails, and it is entry `id`'s own rules that do it.
 */
export function expectRulesVerdict(
  entries: readonly Profile[],
  rules: readonly DnrRule[],
  href: string,
  id: string | null,
) {
  const main = evaluate(rules, { url: href, type: 'main_frame' });
  const others = NON_MAIN_FRAME.map((type) => evaluate(rules, { url: href, type }).action);
  if (id === null) {
    expect(main.action).toBe('none');
    expect(new Set(others)).toEqual(new Set(['none']));
    return;
  }
  expect(main).toMatchObject({ action: 'redirect', redirectUrl: `${INTERSTITIAL}#${href}` });
  expect(new Set(others)).toEqual(new Set(['block']));
  const own = compileRules(
    entries.filter((p) => p.id === id),
    { interstitialUrl: INTERSTITIAL },
  );
  expect(evaluate(own, { url: href, type: 'main_frame' }).action).toBe('redirect');
}

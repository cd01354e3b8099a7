import { chunkSource, re2Size, REGEX_BUDGET } from '../rules/regex';
import type { Pattern } from './platform';

/*
 * Chrome compiles each blocking rule's regex under a small memory cap (lib/rules/regex.ts),
 * and a rule shares one head among all the keys it carries. A head that names more forms
 * of an address (intents, embeds, pop-outs) covers them at the price of room in every rule
 * it is in, and a long key can leave no room for it. These pick, per key, the widest form
 * that still fits.
 */

/**
 * Whether one key of `p` fits a blocking rule of its own: the rule the compiler would write
 * for a list of that one profile.
 */
export function fits(p: Pattern): boolean {
  const source = chunkSource([{ head: p.head, tail: p.tail, keys: [p.key] }], true);
  return re2Size(source, p.caseSensitive) <= REGEX_BUDGET;
}

/**
 * The first of `forms` that fits, widest first; the last (the plain form an address is
 * listed by) when none does, so that a key too long even for it is refused when listed.
 */
export function widest(...forms: [Pattern, ...Pattern[]]): Pattern {
  return forms.find(fits) ?? forms[forms.length - 1]!;
}

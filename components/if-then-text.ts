import { t } from '@/lib/i18n';
import type { IfThenPlan } from '@/lib/settings';

/** An if-then plan as one sentence, as the blocked page's card and the settings list show it. */
export function ifThenText(p: IfThenPlan): string {
  return t('cardIfThen', p.when.trim(), p.then.trim());
}

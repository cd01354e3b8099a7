import { t } from '@/lib/i18n';
import { HEADING_ID } from './heading';

/** The interstitial's heading until its numbers are read. */
export function BreathHeading() {
  return <h1 id={HEADING_ID}>{t('takeBreath')}</h1>;
}

/**
 * The interstitial as it is first painted, before its code has loaded or anything is read
 * (the first-paint script draws the same, see components/first-paint.ts): the elements the
 * page's first render starts with (Interstitial), which takes them over in place. Nothing
 * in it can be pressed: a button painted before its code runs would do nothing.
 */
export function InterstitialWaiting() {
  return (
    <main>
      <header class="day">
        <BreathHeading />
      </header>
    </main>
  );
}

import { render } from 'preact';
import { Waiting } from '@/components/popup/Waiting';
import { afterNextPaint } from '@/lib/after-paint';
import { earlyDayFrom } from '@/lib/popup-address';
import { loadFallbackMessages, t } from '@/lib/i18n';
import { askSummaryEarly } from './ask-summary';
import { link } from './link';

// The popup's first code, loaded once the first frame is painted (main.tsx), and small:
// the day the toolbar badge shows (carried in the popup's address, see popupAddress) is
// painted, by the first-paint script or else here; then it asks the background for the
// numbers and loads the rest of the popup, which takes over the same page.
const app = document.getElementById('app')!;
// After an update, a page of an older build reloads (see lib/page-link).
void link.check();
const earlyDay = earlyDayFrom(location.search, Date.now());

// Chrome does not replace __MSG_…__ in an extension page's HTML, so the language and the
// title are set here, before a render (once the messages are sure to be there).
const pageWords = () => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('extName');
};

loadFallbackMessages()
  .then(async () => {
    pageWords();
    // The first-paint script has usually painted this day already (and then the browser
    // has had its frame); it paints nothing when the browser gives no messages.
    if (earlyDay && !app.firstChild) {
      render(<Waiting earlyDay={earlyDay} />, app);
      // Let that frame be painted before the background is woken and the rest is loaded.
      await afterNextPaint();
    }
    askSummaryEarly();
    return import('./App');
  })
  .then(({ App }) => render(<App earlyDay={earlyDay} />, app))
  .catch((e: unknown) => console.error('The popup could not load:', e));

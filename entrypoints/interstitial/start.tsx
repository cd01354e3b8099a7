import { render } from 'preact';
import { loadFallbackMessages, t } from '@/lib/i18n';
import { App } from './App';
import { link } from './link';

// Chrome does not replace __MSG_…__ in an extension page's HTML, so the language and the
// title are set here, before the first render (once the messages are sure to be there).
// After an update, a page of an older build reloads (see lib/page-link).
void link.check();

void loadFallbackMessages().then(() => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('interstitialPageTitle');
  render(<App />, document.getElementById('app')!);
});

import { render } from 'preact';
import '@/components/theme.css';
import { loadFallbackMessages, t } from '@/lib/i18n';
import './style.css';
import { App } from './App';

// Chrome does not replace __MSG_…__ in an extension page's HTML, so the language and the
// title are set here, before the first render (once the messages are sure to be there).
void loadFallbackMessages().then(() => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('extName');
  render(<App />, document.getElementById('app')!);
});

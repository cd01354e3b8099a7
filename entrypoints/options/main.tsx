import { render } from 'preact';
import '@/components/theme.css';
import { requestPersistence } from '@/lib/db/persistence';
import './style.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);

// The history must outlive storage pressure: ask once the page is up (a page context is
// where browsers answer this; the first run opens here).
void requestPersistence();

import '@/components/theme.css';
import { afterNextPaint } from '@/lib/after-paint';
import './style.css';

// The popup's module entry, kept tiny: the first-paint script has written the day count
// into the page, and the browser paints it before the popup's code is loaded and run (run
// at once, that code would hold the first frame back by tens of milliseconds). The styles
// stay here so the first frame is painted with them.
void afterNextPaint().then(() => import('./start'));

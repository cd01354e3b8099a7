import type { EarlyDay } from '@/lib/popup-address';
import type { MessageKey } from '@/lib/i18n';
import { HEADING_ID } from './interstitial/heading';
import { CIRCUMFERENCE, R, ringFraction } from './ring';

/**
 * The pages' first paint as plain DOM, for the first-paint script (entrypoints/
 * first-paint.ts): the same elements the popup's Waiting and the interstitial's
 * InterstitialWaiting render, which the pages' Preact then takes over in place. Plain DOM
 * rather than Preact because that script runs before the page's first frame, and Preact
 * and the browser polyfill would triple its size; a unit test holds the two to the same
 * markup.
 */

/** A message in the browser's language, as browser.i18n.getMessage gives it. */
export type Say = (key: MessageKey, substitutions?: string[]) => string;

type Child = Node | string;

const SVG = new Set(['svg', 'circle']);

function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: Child[]) {
  const e = SVG.has(tag)
    ? doc.createElementNS('http://www.w3.org/2000/svg', tag)
    : doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** The popup's Waiting with the badge's day (components/popup/Waiting.tsx). */
export function popupWaitingDom(doc: Document, { day, goalDays }: EarlyDay, say: Say): Node {
  const size = 148;
  const circle = (cls: string, more: Record<string, string>) =>
    el(doc, 'circle', {
      class: cls,
      cx: '60',
      cy: '60',
      r: String(R),
      fill: 'none',
      'stroke-width': '10',
      ...more,
    });
  const ring = el(
    doc,
    'div',
    { class: 'ring', style: `width: ${size}px; height: ${size}px;` },
    el(
      doc,
      'svg',
      {
        viewBox: '0 0 120 120',
        width: String(size),
        height: String(size),
        'aria-hidden': 'true',
        focusable: 'false',
      },
      circle('ring-track', {}),
      circle('ring-fill', {
        'stroke-linecap': 'round',
        'stroke-dasharray': `${CIRCUMFERENCE} ${CIRCUMFERENCE}`,
        'stroke-dashoffset': String(CIRCUMFERENCE * (1 - ringFraction(day, goalDays))),
        transform: 'rotate(-90 60 60)',
      }),
    ),
    el(
      doc,
      'div',
      { class: 'ring-content' },
      el(
        doc,
        'h1',
        {},
        el(doc, 'span', { class: 'day-word' }, say('popupDayWord')),
        ' ',
        el(doc, 'span', { class: 'day-number' }, String(day)),
      ),
      el(doc, 'p', { class: 'of' }, say('popupOfGoal', [String(goalDays)])),
    ),
  );
  return el(
    doc,
    'main',
    { 'aria-busy': 'true' },
    el(doc, 'section', { class: 'count', 'aria-label': say('popupCountLabel') }, ring),
  );
}

/** The interstitial before anything is read (components/interstitial/Waiting.tsx). */
export function interstitialWaitingDom(doc: Document, say: Say): Node {
  return el(
    doc,
    'main',
    {},
    el(doc, 'header', { class: 'day' }, el(doc, 'h1', { id: HEADING_ID }, say('takeBreath'))),
  );
}

import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import {
  modulePreloadForDynamicImports,
  stylesBeforeScripts,
} from '../../../scripts/vite-styles-before-scripts';

type Handler = (html: string, ctx: IndexHtmlTransformContext) => string;
const transform = (html: string): string => {
  const hook = stylesBeforeScripts().transformIndexHtml as { order: string; handler: Handler };
  expect(hook.order).toBe('post');
  return hook.handler(html, { path: '/popup.html', filename: 'popup.html' });
};

// The head Vite writes for a page: its module script first, then the stylesheets.
const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <title>No Contact</title>
    <script type="module" crossorigin src="/chunks/popup-1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/theme-1.css">
  </head>
  <body>
    <div id="app"></div>
    <script src="/first-paint.js"></script>
  </body>
</html>
`;

describe("the pages' HTML: stylesheets first, module scripts last", () => {
  it('moves the module script to the end of the body, after the first-paint script', () => {
    const out = transform(BUILT);
    const at = (s: string) => out.indexOf(s);
    expect(out.match(/<script type="module"/g)).toHaveLength(1);
    expect(at('theme-1.css')).toBeLessThan(at('popup-1.js'));
    expect(at('/first-paint.js')).toBeLessThan(at('popup-1.js'));
    expect(at('popup-1.js')).toBeLessThan(at('</body>'));
    expect(out.slice(at('<head>'), at('</head>'))).not.toContain('<script');
  });

  it('leaves a page without a module script as it is, and refuses one without a body end', () => {
    const plain = BUILT.replace(/<script type="module"[^>]*><\/script>\n/, '');
    expect(transform(plain)).toBe(plain);
    expect(() => transform(BUILT.replace('</body>', ''))).toThrow(/no <\/body>/);
  });

  it('writes no preload links into a page, and keeps them for import()', () => {
    const deps = ['chunks/a.js', 'assets/a.css'];
    const resolve = modulePreloadForDynamicImports.resolveDependencies;
    expect(resolve('popup.html', deps, { hostType: 'html' })).toEqual([]);
    expect(resolve('chunks/start.js', deps, { hostType: 'js' })).toEqual(deps);
  });
});

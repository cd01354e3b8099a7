import type { Plugin } from 'vite';

/**
 * The extension's pages, built so their first frame comes as soon as a page with no script
 * at all would paint it: the stylesheets (which hold the first paint back) are requested
 * first, and the module scripts after them.
 *
 * Vite writes a page's module script and a `modulepreload` link for each chunk it imports
 * at the top of the head, before the stylesheets. The browser then loads the code first,
 * and on this 2-core machine that held the popup's first paint back by about 25 ms
 * (`npm run bench`). So the page's module scripts are moved to the end of the body (a
 * module script runs after the page is parsed wherever it stands), and the HTML gets no
 * preload links: the chunks a module imports are fetched as soon as it is read. Chunks
 * loaded later with import() are still preloaded then, with their styles
 * (`modulePreloadForDynamicImports`).
 */
export function stylesBeforeScripts(): Plugin {
  const moduleScript = /[ \t]*<script type="module"[^>]*><\/script>\n?/g;
  return {
    name: 'no-contact:styles-before-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const scripts = html.match(moduleScript) ?? [];
        if (scripts.length === 0) return html;
        if (!html.includes('</body>'))
          throw new Error(`${ctx.path}: no </body> to put its scripts before`);
        const rest = html.replace(moduleScript, '');
        return rest.replace(
          '</body>',
          `${scripts.map((s) => `  ${s.trim()}\n`).join('')}  </body>`,
        );
      },
    },
  };
}

/** Vite's `build.modulePreload`: no preload links in the HTML, the usual ones for import(). */
export const modulePreloadForDynamicImports = {
  resolveDependencies: (_file: string, deps: string[], ctx: { hostType: 'html' | 'js' }) =>
    ctx.hostType === 'html' ? [] : deps,
};

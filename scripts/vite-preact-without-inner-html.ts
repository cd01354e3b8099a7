import type { Plugin } from 'vite';

/**
 * Takes Preact's `dangerouslySetInnerHTML` out of the extension's bundle.
 *
 * The project never builds HTML from data (ESLint forbids `innerHTML =` in our own code),
 * but Preact's renderer still carries the one `dom.innerHTML = props.__html` assignment
 * that serves `dangerouslySetInnerHTML`. Mozilla's add-on linter reports that line as an
 * unsafe assignment, and `web-ext lint --warnings-as-errors` (run on every Firefox build)
 * would fail on it. Replacing the assignment with a throw makes the rule hold for the
 * library too: a component that tried to inject HTML would fail loudly instead.
 *
 * The pattern must be found exactly once in each copy of Preact's renderer; anything else
 * (a Preact release that reshaped the code) stops the build rather than letting the
 * assignment through unnoticed.
 */
export function preactWithoutInnerHtml(): Plugin {
  const file = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(?:module\.js|mjs)$/;
  const assignment = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;
  return {
    name: 'no-contact:preact-without-inner-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!file.test(id.split('?')[0] ?? id)) return null;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) {
        this.error(
          `expected Preact's one innerHTML assignment in ${id}, found ${found}: ` +
            'update scripts/vite-preact-without-inner-html.ts for this Preact version',
        );
      }
      return {
        code: code.replace(
          assignment,
          '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in No Contact")})()',
        ),
        map: null,
      };
    },
  };
}

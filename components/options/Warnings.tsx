import type { Weakness } from '@/lib/protection';
import { PrivateWindows } from './PrivateWindows';

/**
 * What is weakening protection right now (found by lib/protection, as in the popup), each
 * with the way to fix it.
 */
export function Warnings({
  weaknesses,
  onGrantAccess,
  onOpenExtensionSettings,
}: {
  weaknesses: readonly Weakness[];
  /** Asks for the withdrawn site access again; must run in the click itself. */
  onGrantAccess: (origins: string[]) => void;
  onOpenExtensionSettings?: () => void;
}) {
  if (!weaknesses.length) return null;
  return (
    <section aria-labelledby="warnings-h" class="warnings">
      <h2 id="warnings-h" class="visually-hidden">
        Protection warnings
      </h2>
      {weaknesses.map((w) => {
        switch (w.kind) {
          case 'host-access':
            return (
              <div class="warning" key={w.kind}>
                <p>
                  Access to the sites No Contact watches was turned off in the browser’s settings,
                  so it can’t stop those profiles from loading.
                </p>
                <button type="button" class="primary" onClick={() => onGrantAccess(w.origins)}>
                  Allow access again
                </button>
              </div>
            );
          case 'no-profiles':
            return (
              <div class="warning" key={w.kind}>
                <p>
                  No profiles are listed, so nothing is blocked yet.{' '}
                  <a href="#profiles">Add a profile</a>
                </p>
              </div>
            );
          case 'private-windows':
            return (
              <div class="warning" key={w.kind}>
                <details>
                  <summary>No Contact doesn’t run in private windows yet. How to allow it</summary>
                  <PrivateWindows
                    allowed={null}
                    browser={w.family}
                    onOpenExtensionSettings={onOpenExtensionSettings}
                  />
                </details>
              </div>
            );
        }
      })}
    </section>
  );
}

import type { BrowserFamily } from '@/lib/protection';

/**
 * How to let No Contact run in private windows, for this browser. Without it a private
 * window is an unguarded way in, and that is where a 2 a.m. look tends to happen.
 */
export function PrivateWindows({
  allowed,
  browser,
  onOpenExtensionSettings,
}: {
  allowed: boolean | null;
  browser: BrowserFamily;
  /** Chrome and Edge can open the extension's own details page; Firefox can't (about:addons). */
  onOpenExtensionSettings?: () => void;
}) {
  return (
    <div>
      {allowed === true && <p>No Contact already runs in private windows. Nothing to do here.</p>}
      {allowed === false && (
        <p>
          <strong>No Contact is not allowed in private windows yet</strong>, so a profile opened in
          one is not blocked.
        </p>
      )}
      {allowed !== true && <Steps browser={browser} onOpen={onOpenExtensionSettings} />}
    </div>
  );
}

function Steps({ browser, onOpen }: { browser: BrowserFamily; onOpen?: () => void }) {
  if (browser === 'firefox') {
    return (
      <ol>
        <li>
          Open the menu (☰), then <strong>Add-ons and themes</strong>. You can also type{' '}
          <code>about:addons</code> in the address bar.
        </li>
        <li>
          Choose <strong>No Contact</strong>.
        </li>
        <li>
          Under <strong>Run in Private Windows</strong>, choose <strong>Allow</strong>.
        </li>
      </ol>
    );
  }
  const edge = browser === 'edge';
  return (
    <>
      <ol>
        <li>
          Open <code>{edge ? 'edge://extensions' : 'chrome://extensions'}</code> and find{' '}
          <strong>No Contact</strong>.
        </li>
        <li>
          Choose <strong>Details</strong>.
        </li>
        <li>
          Turn on <strong>{edge ? 'Allow in InPrivate' : 'Allow in Incognito'}</strong>.
        </li>
      </ol>
      {onOpen && (
        <button type="button" onClick={onOpen}>
          Open No Contact’s details page
        </button>
      )}
    </>
  );
}

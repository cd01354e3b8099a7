import type { BrowserFamily } from '@/lib/protection';
import { t, tWith } from '@/lib/i18n';
import { usePlatform } from '../platform-context';

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
  // Firefox for Android has private tabs, and its settings in the menu's Extensions list.
  const android = usePlatform() === 'android';
  return (
    <div>
      {allowed === true && (
        <p>{android ? t('privateAlreadyAllowedAndroid') : t('privateAlreadyAllowed')}</p>
      )}
      {allowed === false && (
        <p>
          {tWith(
            'privateNotAllowed',
            <strong>
              {android ? t('privateNotAllowedStrongAndroid') : t('privateNotAllowedStrong')}
            </strong>,
          )}
        </p>
      )}
      {allowed !== true &&
        (android ? <AndroidSteps /> : <Steps browser={browser} onOpen={onOpenExtensionSettings} />)}
    </div>
  );
}

/** Firefox for Android: no toolbar and no about:addons; the main menu's Extensions list. */
function AndroidSteps() {
  return (
    <ol>
      <li>
        {tWith(
          'privateAndroidStep1',
          <strong>{'⋮'}</strong>,
          <strong>{t('privateAndroidExtensions')}</strong>,
        )}
      </li>
      <li>
        {tWith(
          'privateAndroidStep2',
          <strong>{t('privateAndroidManage')}</strong>,
          <strong>{t('extName')}</strong>,
        )}
      </li>
      <li>{tWith('privateTurnOn', <strong>{t('privateAndroidSetting')}</strong>)}</li>
    </ol>
  );
}

function Steps({ browser, onOpen }: { browser: BrowserFamily; onOpen?: () => void }) {
  if (browser === 'firefox') {
    return (
      <ol>
        <li>
          {tWith(
            'privateFirefoxStep1',
            <strong>{t('privateFirefoxAddons')}</strong>,
            <code>{'about:addons'}</code>,
          )}
        </li>
        <li>{tWith('privateChoose', <strong>{t('extName')}</strong>)}</li>
        <li>
          {tWith(
            'privateFirefoxStep3',
            <strong>{t('privateFirefoxSetting')}</strong>,
            <strong>{t('privateFirefoxAllow')}</strong>,
          )}
        </li>
      </ol>
    );
  }
  const edge = browser === 'edge';
  return (
    <>
      <ol>
        <li>
          {tWith(
            'privateChromeStep1',
            <code>{edge ? 'edge://extensions' : 'chrome://extensions'}</code>,
            <strong>{t('extName')}</strong>,
          )}
        </li>
        <li>{tWith('privateChoose', <strong>{t('privateChromeDetails')}</strong>)}</li>
        <li>
          {tWith(
            'privateTurnOn',
            <strong>{edge ? t('privateEdgeSetting') : t('privateChromeSetting')}</strong>,
          )}
        </li>
      </ol>
      {onOpen && (
        <button type="button" onClick={onOpen}>
          {t('privateOpenDetails')}
        </button>
      )}
    </>
  );
}

import { namesText, type Weakness } from '@/lib/protection';
import { t } from '@/lib/i18n';
import { usePlatform } from '../platform-context';
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
  // Firefox for Android names its menus and its private tabs in its own words.
  const android = usePlatform() === 'android';
  if (!weaknesses.length) return null;
  return (
    <section aria-labelledby="warnings-h" class="warnings">
      <h2 id="warnings-h" class="visually-hidden">
        {t('warningsTitle')}
      </h2>
      {weaknesses.map((w) => {
        switch (w.kind) {
          case 'not-blocked':
            return (
              <div class="warning" key={w.kind}>
                <p>{t('warningNotBlocked', namesText(w.names))}</p>
              </div>
            );
          case 'host-access':
            return (
              <div class="warning" key={w.kind}>
                <p>{android ? t('warningHostAccessAndroid') : t('warningHostAccess')}</p>
                <button type="button" class="primary" onClick={() => onGrantAccess(w.origins)}>
                  {t('popupAllowAccess')}
                </button>
              </div>
            );
          case 'no-profiles':
            return (
              <div class="warning" key={w.kind}>
                <p>
                  {t('warningNoProfiles')} <a href="#profiles">{t('popupAddProfile')}</a>
                </p>
              </div>
            );
          case 'private-windows':
            return (
              <div class="warning" key={w.kind}>
                <details>
                  <summary>{android ? t('warningPrivateAndroid') : t('warningPrivate')}</summary>
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

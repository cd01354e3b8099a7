import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DayHeading } from '@/components/DayHeading';
import { useSettings } from '@/components/hooks/use-settings';
import { readBlockedAddress, shortAddress } from '@/lib/blocked-address';
import { matchProfile } from '@/lib/match';
import { localDate, systemTimeZone } from '@/lib/streak/calendar';
import { dayStatus } from '@/lib/streak/day';

export function App() {
  const settings = useSettings();
  const back = useRef<HTMLButtonElement>(null);
  const blocked = readBlockedAddress(location.hash);
  const profile = blocked && settings ? matchProfile(blocked.href, settings.profiles) : null;
  const status = dayStatus(settings?.plan ?? null, null, localDate(Date.now(), systemTimeZone()));

  useEffect(() => back.current?.focus(), [settings !== null]);

  const goBack = () => {
    if (history.length > 1) history.back();
    else
      void browser.tabs
        .getCurrent()
        .then((t) => (t?.id !== undefined ? browser.tabs.remove(t.id) : undefined));
  };

  return (
    <main>
      {settings && <DayHeading status={status} />}
      {profile && (
        <p>
          This is a profile on your No Contact list: <span class="address">{profile.display}</span>
        </p>
      )}
      {!profile && blocked && <p class="address muted">{shortAddress(blocked)}</p>}
      <div class="actions">
        <button ref={back} class="primary" type="button" onClick={goBack}>
          Go back
        </button>
      </div>
    </main>
  );
}

import { browser } from 'wxt/browser';
import { DayHeading } from '@/components/DayHeading';
import { useSettings } from '@/components/hooks/use-settings';
import { localDate, systemTimeZone } from '@/lib/streak/calendar';
import { dayStatus } from '@/lib/streak/day';

export function App() {
  const settings = useSettings();
  if (!settings) return <main aria-busy="true" />;
  const status = dayStatus(settings.plan, null, localDate(Date.now(), systemTimeZone()));
  const openOptions = () => void browser.runtime.openOptionsPage();
  return (
    <main>
      <DayHeading status={status} />
      {status.kind === 'no-plan' ? (
        <button class="primary" type="button" onClick={openOptions}>
          Set up No Contact
        </button>
      ) : (
        <button type="button" onClick={openOptions}>
          Settings
        </button>
      )}
    </main>
  );
}

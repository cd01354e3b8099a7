import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isCivilDate, localDate, systemTimeZone } from '@/lib/streak/calendar';
import { updateSettings, type Settings } from '@/lib/settings';

export function PlanSection({ settings }: { settings: Settings }) {
  const today = localDate(Date.now(), systemTimeZone());
  const [start, setStart] = useState(settings.plan?.startDate ?? today);
  const [goal, setGoal] = useState(String(settings.plan?.goalDays ?? 30));
  const [errors, setErrors] = useState<{ start?: string; goal?: string }>({});
  const [saved, setSaved] = useState(false);

  const save = async (e: Event) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!isCivilDate(start)) next.start = 'Enter the date No Contact started, like 2026-03-14.';
    const g = Number(goal);
    if (!Number.isInteger(g) || g < 1 || g > 3650)
      next.goal = 'Enter a whole number of days between 1 and 3650.';
    setErrors(next);
    setSaved(false);
    if (next.start || next.goal) return;
    await updateSettings(browser.storage.local, (s) => ({
      ...s,
      plan: { startDate: start, goalDays: g, looksRestart: s.plan?.looksRestart ?? true },
    }));
    setSaved(true);
  };

  return (
    <section aria-labelledby="plan-h">
      <h2 id="plan-h">Plan</h2>
      <form onSubmit={save} noValidate>
        <div class="field">
          <label for="start-date">Start date</label>
          <input
            id="start-date"
            type="date"
            value={start}
            aria-invalid={!!errors.start}
            aria-describedby="start-date-error"
            onInput={(e) => setStart(e.currentTarget.value)}
          />
          <p id="start-date-error" class="error">
            {errors.start}
          </p>
        </div>
        <div class="field">
          <label for="goal-days">Goal (days)</label>
          <input
            id="goal-days"
            type="number"
            min={1}
            max={3650}
            value={goal}
            aria-invalid={!!errors.goal}
            aria-describedby="goal-days-error"
            onInput={(e) => setGoal(e.currentTarget.value)}
          />
          <p id="goal-days-error" class="error">
            {errors.goal}
          </p>
        </div>
        <button class="primary" type="submit">
          Save plan
        </button>
        <p aria-live="polite">{saved ? 'Saved.' : ''}</p>
      </form>
    </section>
  );
}

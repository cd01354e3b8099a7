import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { GOAL_DAYS_MAX, GOAL_DAYS_MIN, PLAN_START_MAX_AHEAD_DAYS } from '@/lib/limits';
import { DEFAULT_GOAL_DAYS, type Plan } from '@/lib/settings';
import { addDays, daysBetween, type CivilDate } from '@/lib/streak/calendar';
import { taperStart } from '@/lib/stage';
import { described, FieldNote, focusFirstInvalid, isBadInput } from '../Field';
import { checkGoal, checkStartDate } from './validate';

export interface PlanValues {
  startDate: CivilDate;
  goalDays: number;
  looksRestart: boolean;
  /** Taper contact off before day 1 (lib/stage.ts); day 1 is then at least a day ahead. */
  taper: boolean;
}

/**
 * Start date, goal, and (outside the first run) whether looking restarts the count.
 * Every field is checked before anything is saved; a save that fails changes nothing.
 */
export function PlanForm({
  plan,
  today,
  submitLabel = t('planSave'),
  showLooks = true,
  onSave,
}: {
  plan: Plan | null;
  today: CivilDate;
  submitLabel?: string;
  showLooks?: boolean;
  /** Saves; resolves to the status to show ("Saved."), rejects with a message to show. */
  onSave: (v: PlanValues) => Promise<string>;
}) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [start, setStart] = useState(plan?.startDate ?? today);
  const [goal, setGoal] = useState(String(plan?.goalDays ?? DEFAULT_GOAL_DAYS));
  const [looks, setLooks] = useState(plan?.looksRestart ?? true);
  const [taper, setTaper] = useState(plan?.taper ?? false);
  const [bad, setBad] = useState({ start: false, goal: false });
  const [errors, setErrors] = useState<{ start?: string; goal?: string }>({});
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // Another tab (or the first run) may change the plan; show what is stored, unless the
  // person is in the middle of editing.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setStart(plan?.startDate ?? today);
    setGoal(String(plan?.goalDays ?? DEFAULT_GOAL_DAYS));
    setLooks(plan?.looksRestart ?? true);
    setTaper(plan?.taper ?? false);
  }, [plan?.startDate, plan?.goalDays, plan?.looksRestart, plan?.taper]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkStartDate({ value: start, badInput: bad.start }, today);
    // A taper is the days before day 1: it needs day 1 to be ahead.
    const s =
      checked.ok && taper && daysBetween(today, checked.value) <= 0
        ? { ok: false as const, message: t('planTaperNeedsLater') }
        : checked;
    const g = checkGoal({ value: goal, badInput: bad.goal });
    const next = { start: s.ok ? undefined : s.message, goal: g.ok ? undefined : g.message };
    setErrors(next);
    setStatus(null);
    if (!s.ok || !g.ok) {
      // After the render that marks them invalid.
      setTimeout(() => focusFirstInvalid(form.current), 0);
      return;
    }
    setBusy(true);
    try {
      const text = await onSave({
        startDate: s.value,
        goalDays: g.value,
        looksRestart: looks,
        taper,
      });
      setStatus({ text, error: false });
      setDirty(false);
    } catch (err) {
      setStatus({
        text: err instanceof Error ? err.message : t('planSaveFailed'),
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const edited = () => {
    setDirty(true);
    setStatus(null);
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <div class="field">
        <label for={`${id}-start`}>{t('planStartDate')}</label>
        <input
          id={`${id}-start`}
          type="date"
          value={start}
          max={addDays(today, PLAN_START_MAX_AHEAD_DAYS)}
          {...described(`${id}-start-note`, errors.start)}
          onInput={(e) => {
            setStart(e.currentTarget.value);
            setBad((b) => ({ ...b, start: isBadInput(e.currentTarget) }));
            setErrors((x) => ({ ...x, start: undefined }));
            edited();
          }}
        />
        <FieldNote id={`${id}-start-note`} error={errors.start} hint={t('planStartHint')} />
      </div>
      <div class="field">
        <label for={`${id}-goal`}>{t('planGoal')}</label>
        <input
          id={`${id}-goal`}
          type="number"
          inputMode="numeric"
          min={GOAL_DAYS_MIN}
          max={GOAL_DAYS_MAX}
          step={1}
          value={goal}
          {...described(`${id}-goal-note`, errors.goal)}
          onInput={(e) => {
            setGoal(e.currentTarget.value);
            setBad((b) => ({ ...b, goal: isBadInput(e.currentTarget) }));
            setErrors((x) => ({ ...x, goal: undefined }));
            edited();
          }}
        />
        <FieldNote id={`${id}-goal-note`} error={errors.goal} hint={t('planGoalHint')} />
      </div>
      {showLooks && (
        <div class="field check">
          <input
            id={`${id}-looks`}
            type="checkbox"
            checked={looks}
            aria-describedby={`${id}-looks-note`}
            onChange={(e) => {
              setLooks(e.currentTarget.checked);
              edited();
            }}
          />
          <label for={`${id}-looks`}>{t('planLooksRestart')}</label>
          <p id={`${id}-looks-note`} class="muted field-note">
            {t('planLooksHint')}
          </p>
        </div>
      )}
      <div class="field check">
        <input
          id={`${id}-taper`}
          type="checkbox"
          checked={taper}
          aria-describedby={`${id}-taper-note`}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            setTaper(on);
            // Day 1 moves a taper's length ahead when it is not ahead already.
            if (on && !bad.start && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
              setStart(taperStart(start, today));
              setErrors((x) => ({ ...x, start: undefined }));
            }
            edited();
          }}
        />
        <label for={`${id}-taper`}>{t('planTaper')}</label>
        <p id={`${id}-taper-note`} class="muted field-note">
          {t('planTaperHint')}
        </p>
      </div>
      <button class="primary" type="submit" disabled={busy}>
        {submitLabel}
      </button>
      <p class={status?.error ? 'error' : undefined} role="status">
        {status?.text ?? ''}
      </p>
    </form>
  );
}

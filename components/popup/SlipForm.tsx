import { useRef, useState } from 'preact/hooks';
import { NOTE_MAX_CHARS, SLIP_KINDS, type SlipKind } from '@/lib/streak/events';
import { plural } from '../DayHeading';

export const SLIP_LABELS: Record<SlipKind, string> = {
  message: 'I sent a message',
  call: 'I called',
  'in-person': 'We met in person',
  replied: 'I replied to them',
  'liked-or-reacted': 'I liked or reacted to something',
  'looked-at-profile': 'I looked at their profile',
  other: 'Something else',
};

interface Props {
  longestStreak: number;
  onSubmit: (what: SlipKind, note: string) => Promise<void>;
  onCancel: () => void;
}

/** "I slipped...": what happened and an optional note, before the count starts again. */
export function SlipForm({ longestStreak, onSubmit, onCancel }: Props) {
  const [what, setWhat] = useState<SlipKind | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!what) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    setBusy(true);
    await onSubmit(what, note);
    setBusy(false);
  };

  return (
    <form class="slip" onSubmit={(e) => void submit(e)} noValidate>
      <h1>It happens</h1>
      <p class="muted">
        Writing it down honestly is part of keeping going. Nobody sees this but you.
      </p>
      <fieldset aria-describedby={missing ? 'slip-missing' : undefined}>
        <legend>What happened?</legend>
        {SLIP_KINDS.map((k, i) => (
          <label key={k} class="choice">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name="what"
              value={k}
              checked={what === k}
              onChange={() => {
                setWhat(k);
                setMissing(false);
              }}
            />{' '}
            {SLIP_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {missing && (
        <p id="slip-missing" class="error" role="alert">
          Choose what happened first.
        </p>
      )}
      <label for="slip-note">Note (optional)</label>
      <textarea
        id="slip-note"
        rows={2}
        maxLength={NOTE_MAX_CHARS}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <p class="muted small">
        Your count starts again from day 1.
        {longestStreak > 0 &&
          ` Your longest streak, ${plural(longestStreak, 'day', 'days')}, and every day you kept stay in your history.`}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          Log it and start again
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

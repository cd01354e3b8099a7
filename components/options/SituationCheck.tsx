import { useId } from 'preact/hooks';

export interface Situation {
  /** The breakup was more than about six months ago, and they haven't been in touch. */
  longAgo: boolean;
  /** They live together, work together, or share children. */
  together: boolean;
  /** The person begged or pleaded, or wronged the ex (cheating, for example). */
  wronged: boolean;
}

export const NO_SITUATION: Situation = { longAgo: false, together: false, wronged: false };

const QUESTIONS: { key: keyof Situation; label: string }[] = [
  {
    key: 'longAgo',
    label: 'We broke up more than about six months ago, and we haven’t been talking since.',
  },
  { key: 'together', label: 'We live together, work together, or have children together.' },
  {
    key: 'wronged',
    label: 'Near the end I begged or pleaded, or I did something that hurt them (like cheating).',
  },
];

/**
 * A short check of whether plain No Contact fits. Nothing here is a verdict: the person
 * ticks what applies and reads what usually helps; every answer can be changed later.
 */
export function SituationCheck({
  value,
  onChange,
}: {
  value: Situation;
  onChange: (next: Situation) => void;
}) {
  const id = useId();
  return (
    <div>
      <fieldset class="choices">
        <legend>Tick anything that fits your situation</legend>
        {QUESTIONS.map((q) => (
          <div class="check" key={q.key}>
            <input
              type="checkbox"
              id={`${id}-${q.key}`}
              checked={value[q.key]}
              onChange={(e) => onChange({ ...value, [q.key]: e.currentTarget.checked })}
            />
            <label for={`${id}-${q.key}`}>{q.label}</label>
          </div>
        ))}
      </fieldset>

      <div aria-live="polite">
        {value.longAgo && (
          <div class="advice">
            <h3>After a long silence</h3>
            <p>
              When months have passed without contact, a set No Contact period usually isn’t needed:
              in practice you are already there. You can still use No Contact to stop yourself
              looking at their profiles, if that is what keeps pulling you back.
            </p>
          </div>
        )}
        {value.together && (
          <div class="advice">
            <h3>Modified No Contact</h3>
            <p>
              When you share a home, a workplace or children, cutting them off entirely would make
              things harder, for you and for others. Keep your distance, and talk only when it is
              really needed (children, logistics, work): short, calm, and without going into the
              relationship. List their profiles as <strong>Modified</strong>: you get a gentle
              reminder instead of a block, and necessary contact never restarts your count.
            </p>
          </div>
        )}
        {value.wronged && (
          <div class="advice">
            <h3>Set the stage first</h3>
            <p>
              If you begged, or hurt them, going silent overnight can read as more of the same. A
              brief, sincere apology first, with no requests attached, usually helps. Another way is
              to taper contact over about a week instead of stopping all at once. Then start your
              count.
            </p>
          </div>
        )}
      </div>

      <div class="advice">
        <h3>Keep it to yourself</h3>
        <p>
          Don’t tell them you are doing No Contact. Announcing it tends to start the very
          conversation you are stepping away from, or sounds like a final goodbye. If they keep
          asking what is going on, one short, calm line is enough, such as “I’m busy, focusing on
          moving on”. No promises, no explanations.
        </p>
      </div>
      <div class="advice">
        <h3>The rare exceptions</h3>
        <ul>
          <li>
            If they keep writing and grow angry or bitter about the silence, one short, calm message
            can be the right thing.
          </li>
          <li>
            If they say clearly and without doubt that they want to get back together, you have
            reached what you were waiting for, and the plan can end. “I miss you” or “let’s meet and
            talk” is not that; mixed signals mean it is working, so keep going.
          </li>
        </ul>
      </div>
    </div>
  );
}

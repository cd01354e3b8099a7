import type { Ref } from 'preact';

/**
 * A required choice of one of `keys` (radio buttons in a fieldset), and the words shown
 * when the form was sent without one. `first` is the first button, which the form
 * focuses when nothing was chosen.
 */
export function PickOne<K extends string>({
  id,
  name,
  legend,
  keys,
  label,
  value,
  onChoose,
  first,
  missing,
  missingText,
}: {
  /** Names the error's element: `${id}-missing`. */
  id: string;
  name: string;
  legend: string;
  keys: readonly K[];
  label: (k: K) => string;
  value: K | null;
  onChoose: (k: K) => void;
  first: Ref<HTMLInputElement>;
  missing: boolean;
  missingText: string;
}) {
  const errorId = `${id}-missing`;
  return (
    <>
      <fieldset aria-describedby={missing ? errorId : undefined}>
        <legend>{legend}</legend>
        {keys.map((k, i) => (
          <label key={k} class="choice">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              name={name}
              value={k}
              checked={value === k}
              onChange={() => onChoose(k)}
            />{' '}
            {label(k)}
          </label>
        ))}
      </fieldset>
      {missing && (
        <p id={errorId} class="error" role="alert">
          {missingText}
        </p>
      )}
    </>
  );
}

import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { recognise } from '@/lib/profiles';
import { updateSettings, type Settings } from '@/lib/settings';

export function ProfilesSection({ settings }: { settings: Settings }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const result = text.trim() ? recognise(text, settings.profiles) : null;

  const add = async (e: Event) => {
    e.preventDefault();
    const r = recognise(text, settings.profiles);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    try {
      await updateSettings(browser.storage.local, (s) => {
        // Checked again against what is stored now: another tab may have added it meanwhile.
        if (s.profiles.some((p) => p.id === r.profile.id)) return s;
        return {
          ...s,
          profiles: [...s.profiles, { ...r.profile, mode: 'block', addedAt: Date.now() }],
        };
      });
      setText('');
      setError(null);
    } catch {
      setError('The profile could not be saved. Nothing was changed; please try again.');
    }
  };

  const hint = error ?? (result ? (result.ok ? result.profile.display : result.message) : null);
  const hintIsError = error !== null || (result !== null && !result.ok);

  return (
    <section aria-labelledby="profiles-h">
      <h2 id="profiles-h">Profiles</h2>
      <p class="muted">
        Paste the address of a profile you want to stop seeing. Every form of that address is
        covered.
      </p>
      <form onSubmit={add} noValidate>
        <div class="field">
          <label for="profile-address">Profile address</label>
          <div class="field-row">
            <input
              id="profile-address"
              type="text"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              value={text}
              aria-describedby="profile-hint"
              aria-invalid={hintIsError}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setError(null);
              }}
            />
            <button class="primary" type="submit">
              Add profile
            </button>
          </div>
          <p id="profile-hint" class={hintIsError ? 'error' : 'muted'} aria-live="polite">
            {hint}
          </p>
        </div>
      </form>
      {settings.profiles.length === 0 ? (
        <p>No profiles listed yet.</p>
      ) : (
        <ul class="profile-list" aria-label="Listed profiles">
          {settings.profiles.map((p) => (
            <li key={p.id}>
              <span>{p.display}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

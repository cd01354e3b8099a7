import { useId, useState } from 'preact/hooks';
import { say, t } from '@/lib/i18n';
import { usePlatform } from '../platform-context';
import { recognise, recogniseCustom } from '@/lib/profiles';
import { profileLimitProblem } from '@/lib/rules/budget';
import { isConversation } from '@/lib/settings/conversation';
import type {
  CustomKind,
  Profile,
  ProfileMode,
  Recognised,
  Recognition,
} from '@/lib/profiles/types';
import { described, FieldNote } from '../Field';
import { nameOf } from './format';

function siteOf(text: string): string | null {
  try {
    const t = text.trim();
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    return u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * What became of an add: refused before anything was saved (with why), or saved, with
 * whether the browser's rules now block it (`null`: its check did not come in time).
 */
export type AddOutcome = { added: false; error: string } | { added: true; blocked: boolean | null };

/**
 * Paste an address; it is recognised as it is typed ("Instagram · @jamie.doe") or the
 * reason it can't be listed is shown. A phone number on its own is recognised too, as the
 * WhatsApp conversation with that number (`recognise` hands it to `recognisePhone`). An
 * address on a site No Contact does not know can be listed as a custom site or path, and a
 * conversation on a chat app whose hosts the manifest does not give (Discord, Telegram
 * Web, WhatsApp) is listed as one; the page then asks the browser's permission for them.
 */
export function ProfileForm({
  profiles,
  defaultMode = 'block',
  onAdd,
}: {
  profiles: readonly Profile[];
  defaultMode?: ProfileMode;
  /**
   * Called synchronously from the submit event, so a permission prompt it opens still
   * counts as the person's own action. Resolves once the browser's rules were checked.
   */
  onAdd: (profile: Recognised, mode: ProfileMode) => Promise<AddOutcome>;
}) {
  const id = useId();
  const android = usePlatform() === 'android';
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ProfileMode>(defaultMode);
  const [customKind, setCustomKind] = useState<CustomKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  /** The status is bad news (added, but not blocked). */
  const [statusBad, setStatusBad] = useState(false);
  const [busy, setBusy] = useState(false);

  const plain: Recognition | null = text.trim() ? recognise(text, profiles) : null;
  const unknownSite = plain !== null && !plain.ok && plain.reason === 'unknown-site';
  const result: Recognition | null =
    unknownSite && customKind ? recogniseCustom(text, customKind, profiles) : plain;
  const site = unknownSite ? siteOf(text) : null;
  // Modified No Contact is for conversations only: a profile is always blocked.
  const conversation = result?.ok === true && isConversation(result.profile);

  // An unknown site is not a mistake: it is a question (list it as a custom entry?).
  const refusal = result && !result.ok && !(unknownSite && !customKind) ? say(result.words) : null;
  const shownError = error ?? refusal;

  const submit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    setStatusBad(false);
    const r = text.trim()
      ? unknownSite && customKind
        ? recogniseCustom(text, customKind, profiles)
        : recognise(text, profiles)
      : recognise('', profiles);
    if (!r.ok) {
      setError(
        r.reason === 'unknown-site' && !customKind
          ? t('profileChooseFirst', say(r.words))
          : say(r.words),
      );
      return;
    }
    // The browser holds only so many rules: refused before anything is asked or saved (the
    // add path checks again against the stored list, under the settings lock).
    const over = profileLimitProblem(profiles, r.profile);
    if (over) {
      setError(say(over));
      return;
    }
    setBusy(true);
    const chosen: ProfileMode = isConversation(r.profile) ? mode : 'block';
    // No await before this call: a permission request needs the click's user gesture.
    const pending = onAdd(r.profile, chosen);
    const outcome = await pending.catch((err: unknown): AddOutcome => ({
      added: false,
      error: err instanceof Error ? err.message : t('profileAddFailed'),
    }));
    setBusy(false);
    if (!outcome.added) {
      setError(outcome.error);
      return;
    }
    setText('');
    setCustomKind(null);
    setError(null);
    // Only what the browser's rules were seen to do: never "blocked" when they were refused.
    const name = nameOf(r.profile);
    setStatusBad(outcome.blocked === false);
    setStatus(
      outcome.blocked === false
        ? t('profileAddedNotBlocked', name)
        : outcome.blocked === null
          ? t(android ? 'profileAddedUnconfirmedAndroid' : 'profileAddedUnconfirmed', name)
          : chosen === 'modified'
            ? t('profileAddedModified', name)
            : t('profileAddedBlocked', name),
    );
    setMode(defaultMode);
  };

  // A phone number on its own is read too (a WhatsApp conversation; see recognisePhone).
  let hint = `${t('profileAddressHint')} ${t('profileAddressNumberHint')}`;
  if (result?.ok) {
    hint = nameOf(result.profile);
  } else if (unknownSite && !customKind) {
    hint = plain?.ok === false ? say(plain.words) : hint;
  }

  return (
    <form onSubmit={submit} noValidate>
      <div class="field">
        <label for={`${id}-address`}>{t('profileAddressLabel')}</label>
        <div class="field-row">
          <input
            id={`${id}-address`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={text}
            {...described(`${id}-address-note`, shownError)}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
              setStatus('');
              setStatusBad(false);
            }}
          />
          <button class="primary" type="submit" disabled={busy}>
            {t('profileAdd')}
          </button>
        </div>
        <FieldNote id={`${id}-address-note`} error={shownError} hint={hint} />
      </div>
      {unknownSite && (
        <fieldset class="choices">
          <legend>{t('profileCustomLegend', site ?? t('profileThisSite'))}</legend>
          <div class="check">
            <input
              type="radio"
              id={`${id}-site`}
              name={`${id}-custom`}
              checked={customKind === 'site'}
              onChange={() => {
                setCustomKind('site');
                setError(null);
              }}
            />
            <label for={`${id}-site`}>{t('profileCustomSite')}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id={`${id}-path`}
              name={`${id}-custom`}
              checked={customKind === 'path'}
              onChange={() => {
                setCustomKind('path');
                setError(null);
              }}
            />
            <label for={`${id}-path`}>{t('profileCustomPath')}</label>
          </div>
          <p class="muted">{t('profileCustomPermission', site ?? t('profileThisSite'))}</p>
        </fieldset>
      )}
      {conversation && (
        <fieldset class="choices">
          <legend>{t('profileModeLegend')}</legend>
          <div class="check">
            <input
              type="radio"
              id={`${id}-block`}
              name={`${id}-mode`}
              checked={mode === 'block'}
              onChange={() => setMode('block')}
            />
            <label for={`${id}-block`}>{t('profileModeBlock')}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id={`${id}-modified`}
              name={`${id}-mode`}
              checked={mode === 'modified'}
              aria-describedby={`${id}-modified-note`}
              onChange={() => setMode('modified')}
            />
            <label for={`${id}-modified`}>{t('profileModeModified')}</label>
          </div>
          <p id={`${id}-modified-note`} class="muted field-note">
            {t('profileModeModifiedHint')}
          </p>
        </fieldset>
      )}
      <p role="status" class={statusBad ? 'error' : undefined}>
        {status}
      </p>
    </form>
  );
}

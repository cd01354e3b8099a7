import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { ProfileForm } from '@/components/options/ProfileForm';
import { ProfileList } from '@/components/options/ProfileList';
import type { ProfileMode } from '@/lib/profiles/types';
import type { Settings } from '@/lib/settings';
import { addProfile, outcomeText, proposeChange } from '../actions';

/** The profile form and list; used by the Profiles section and the first run alike. */
export function ProfilesEditor({
  settings,
  defaultMode = 'block',
}: {
  settings: Settings;
  defaultMode?: ProfileMode;
}) {
  const [status, setStatus] = useState<{
    text: string;
    error: boolean;
    /** The waiting change the text is about: once it is cancelled (or done), the text goes. */
    pendingId?: string;
  } | null>(null);
  const act = (p: Parameters<typeof proposeChange>[0], appliedText: string) => {
    setStatus(null);
    proposeChange(p)
      .then((r) =>
        setStatus({ text: outcomeText(r, appliedText), error: false, pendingId: r.pending?.id }),
      )
      .catch((e: unknown) =>
        setStatus({ text: e instanceof Error ? e.message : String(e), error: true }),
      );
  };
  return (
    <>
      <ProfileForm profiles={settings.profiles} defaultMode={defaultMode} onAdd={addProfile} />
      <h3>{t('profilesListed')}</h3>
      <ProfileList
        profiles={settings.profiles}
        pending={settings.pending}
        onRemove={(profileId) => act({ kind: 'remove-profile', profileId }, t('profileRemoved'))}
        onSetMode={(profileId, mode) =>
          act(
            { kind: 'set-mode', profileId, mode },
            mode === 'block' ? t('profileBlockedAgain') : t('saved'),
          )
        }
      />
      <p class={status?.error ? 'error' : undefined} role="status">
        {status && (!status.pendingId || settings.pending.some((p) => p.id === status.pendingId))
          ? status.text
          : ''}
      </p>
    </>
  );
}

export function ProfilesSection({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="profiles-h">
      <h2 id="profiles-h">{t('sectionProfiles')}</h2>
      <p class="muted">{t('profilesIntro')}</p>
      <ProfilesEditor settings={settings} />
    </section>
  );
}

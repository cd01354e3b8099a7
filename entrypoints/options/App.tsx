import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import { useOptionsFirstRun } from '@/components/hooks/use-options-first-run';
import {
  optionsBrowserFamily,
  useOptionsProtection,
} from '@/components/hooks/use-options-protection';
import { useSettings } from '@/components/hooks/use-settings';
import { useSettingsDamage } from '@/components/hooks/use-settings-damage';
import { DamageNotice } from '@/components/options/DamageNotice';
import { Notices } from '@/components/options/Notices';
import { PendingList } from '@/components/options/PendingList';
import { Warnings } from '@/components/options/Warnings';
import { PlatformContext, useReadPlatform } from '@/components/platform-context';
import { cancelChange, dismissNotices } from './actions';
import { DataSection } from './sections/DataSection';
import { DraftsSection } from './sections/DraftsSection';
import { FirstRunView } from './sections/FirstRunView';
import { HistorySection } from './sections/HistorySection';
import { PlanSection } from './sections/PlanSection';
import { ProfilesSection } from './sections/ProfilesSection';
import { ReachedOutSection } from './sections/ReachedOutSection';
import { SignsSection } from './sections/SignsSection';

/*
 * How the first run and the sections relate: the first run is a guided sequence shown at
 * the page's plain address (which is what installing opens) until it is finished; after
 * that the plain address opens the Plan section. Deep links (#plan, #profiles,
 * #reached-out, #signs, #drafts, #history, #data) always open their section, finished or not, and #start always opens the guide,
 * so every step can be revisited. The guide and the sections write the same settings.
 */

/** A section whose title is read in the browser's language when it is shown. */
const section = <Id extends string>(id: Id, titleKey: MessageKey) => ({
  id,
  get title() {
    return t(titleKey);
  },
});

const SECTIONS = [
  section('start', 'sectionStart'),
  section('plan', 'sectionPlan'),
  section('profiles', 'sectionProfiles'),
  section('reached-out', 'sectionReachedOut'),
  section('signs', 'sectionSigns'),
  section('drafts', 'sectionDrafts'),
  section('history', 'sectionHistory'),
  section('data', 'sectionData'),
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

function hashSection(): SectionId | null {
  const h = location.hash.slice(1);
  return SECTIONS.find((s) => s.id === h)?.id ?? null;
}

/** The page, told where it runs (Firefox for Android names its menus in its own words). */
export function App() {
  const platform = useReadPlatform(() => browser.runtime.getPlatformInfo());
  return (
    <PlatformContext.Provider value={platform}>
      <Page />
    </PlatformContext.Provider>
  );
}

function Page() {
  const settings = useSettings();
  const damage = useSettingsDamage();
  const firstRun = useOptionsFirstRun();
  const [hash, setHash] = useState<SectionId | null>(hashSection());
  const { weaknesses, privateAllowed, grantAccess } = useOptionsProtection(
    settings?.profiles ?? null,
  );
  const kind = optionsBrowserFamily();

  useEffect(() => {
    const on = () => setHash(hashSection());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  const state = firstRun.state;
  const section: SectionId | null = !state ? null : (hash ?? (state.done ? 'plan' : 'start'));

  useEffect(() => {
    const title = SECTIONS.find((s) => s.id === section)?.title;
    document.title = title ? t('optionsSectionTitle', title) : t('extName');
  }, [section]);

  // On a phone the section links are one row that scrolls sideways (style.css): keep the
  // current one in view. Where they all show, this moves nothing.
  useEffect(() => {
    const current = document.querySelector('nav [aria-current="page"]');
    const row = current?.closest('ul');
    if (!current || !row || row.scrollWidth <= row.clientWidth) return;
    const pad = parseFloat(getComputedStyle(row).paddingInlineStart) || 0;
    row.scrollLeft += current.getBoundingClientRect().left - row.getBoundingClientRect().left - pad;
  }, [section]);

  const openExtensionSettings =
    kind === 'firefox'
      ? undefined
      : () => {
          const page = kind === 'edge' ? 'edge://extensions' : 'chrome://extensions';
          browser.tabs
            .create({ url: `${page}/?id=${browser.runtime.id}` })
            .catch((e: unknown) => console.error(e));
        };

  const ready = settings && state && section;

  return (
    <div class="layout">
      <header>
        <h1>{t('extName')}</h1>
        <nav aria-label={t('sectionsNavLabel')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main aria-busy={ready ? undefined : 'true'}>
        {ready &&
          (section === 'start' ? (
            <FirstRunView
              settings={settings}
              state={state}
              update={firstRun.update}
              privateAllowed={privateAllowed}
              browserKind={kind}
              onOpenExtensionSettings={openExtensionSettings}
              onFinished={() => {
                location.hash = '#plan';
              }}
            />
          ) : (
            <>
              {!state.done && (
                <p class="notice">
                  {t('setupUnfinished')} <a href="#start">{t('setupContinue')}</a>
                </p>
              )}
              <DamageNotice problems={damage.problems} onDismiss={damage.dismiss} />
              <Notices
                notices={settings.notices}
                onDismiss={() => {
                  dismissNotices().catch((e: unknown) => console.error(e));
                }}
              />
              <Warnings
                weaknesses={weaknesses}
                onGrantAccess={grantAccess}
                onOpenExtensionSettings={openExtensionSettings}
              />
              <PendingList
                pending={settings.pending}
                profiles={settings.profiles}
                onCancel={(id) => {
                  cancelChange(id).catch((e: unknown) => console.error(e));
                }}
              />
              {section === 'plan' && <PlanSection settings={settings} />}
              {section === 'profiles' && <ProfilesSection settings={settings} />}
              {section === 'reached-out' && <ReachedOutSection settings={settings} />}
              {section === 'signs' && <SignsSection settings={settings} />}
              {section === 'drafts' && <DraftsSection />}
              {section === 'history' && <HistorySection settings={settings} />}
              {section === 'data' && <DataSection />}
            </>
          ))}
      </main>
    </div>
  );
}

import { FirstRunFrame } from '@/components/options/FirstRunFrame';
import { IfThenEditor } from '@/components/options/IfThenEditor';
import { t } from '@/lib/i18n';
import { FIRST_RUN_STEPS, type FirstRunState, type StepId } from '@/lib/first-run';
import { PlanForm } from '@/components/options/PlanForm';
import { PrivateWindows } from '@/components/options/PrivateWindows';
import type { BrowserFamily } from '@/lib/protection';
import { ReasonsEditor } from '@/components/options/ReasonsEditor';
import { SituationCheck } from '@/components/options/SituationCheck';
import { PurposeChoice } from '@/components/options/PurposeChoice';
import { usePurposeSave } from '@/components/hooks/use-purpose-save';
import type { Settings } from '@/lib/settings';
import { saveIfThen, savePlan, savePurpose, saveReasons, today } from '../actions';
import { ProfilesEditor } from './ProfilesSection';
import { FirstRunStage } from './StageSection';

/**
 * The guided first run: one step at a time, each saved as it is left, resumable from
 * storage. It writes the same settings as the sections, through the same actions.
 */
export function FirstRunView({
  settings,
  state,
  update,
  privateAllowed,
  browserKind,
  onOpenExtensionSettings,
  onFinished,
}: {
  settings: Settings;
  state: FirstRunState;
  update: (c: Partial<FirstRunState>) => Promise<void>;
  privateAllowed: boolean | null;
  browserKind: BrowserFamily;
  onOpenExtensionSettings?: () => void;
  onFinished: () => void;
}) {
  const index = Math.max(
    0,
    FIRST_RUN_STEPS.findIndex((s) => s.id === state.step),
  );
  const purpose = usePurposeSave(savePurpose);
  const go = (step: StepId) => {
    update({ step }).catch((e: unknown) => console.error(e));
  };
  const prev = index > 0 ? FIRST_RUN_STEPS[index - 1]!.id : null;
  const back = prev ? () => go(prev) : undefined;

  switch (state.step) {
    case 'situation':
      return (
        <FirstRunFrame steps={FIRST_RUN_STEPS} index={index} onNext={() => go('plan')}>
          <PurposeChoice
            value={settings.purpose}
            onChange={purpose.choose}
            status={purpose.status}
          />
          <SituationCheck
            value={state.situation}
            onChange={(situation) => {
              update({ situation }).catch((e: unknown) => console.error(e));
            }}
          />
          {state.situation.wronged && <FirstRunStage settings={settings} />}
        </FirstRunFrame>
      );
    case 'plan':
      return (
        <FirstRunFrame steps={FIRST_RUN_STEPS} index={index} onBack={back}>
          <p>{t('firstRunPlanIntro')}</p>
          <PlanForm
            plan={settings.plan}
            today={today(settings)}
            showLooks={false}
            submitLabel={t('firstRunSaveContinue')}
            onSave={async (v) => {
              await savePlan(v);
              go('profiles');
              return '';
            }}
          />
        </FirstRunFrame>
      );
    case 'profiles':
      return (
        <FirstRunFrame
          steps={FIRST_RUN_STEPS}
          index={index}
          onBack={back}
          onNext={() => go('reasons')}
        >
          <p>{t('firstRunProfilesIntro')}</p>
          <ProfilesEditor settings={settings} />
        </FirstRunFrame>
      );
    case 'reasons':
      return (
        <FirstRunFrame
          steps={FIRST_RUN_STEPS}
          index={index}
          onBack={back}
          onNext={() => go('private')}
        >
          <p>{t('firstRunReasonsIntro')}</p>
          <ReasonsEditor reasons={settings.reasons} onChange={saveReasons} />
          <section aria-labelledby="first-run-ifthen-h">
            <h3 id="first-run-ifthen-h">{t('firstRunIfThenTitle')}</h3>
            <p class="muted">{t('firstRunIfThenIntro')}</p>
            <IfThenEditor plans={settings.ifThen} onChange={saveIfThen} />
          </section>
        </FirstRunFrame>
      );
    case 'private':
      return (
        <FirstRunFrame
          steps={FIRST_RUN_STEPS}
          index={index}
          onBack={back}
          nextLabel={t('firstRunFinish')}
          onNext={() => {
            update({ done: true })
              .then(onFinished)
              .catch((e: unknown) => console.error(e));
          }}
        >
          <p>{t('firstRunPrivateIntro')}</p>
          <PrivateWindows
            allowed={privateAllowed}
            browser={browserKind}
            onOpenExtensionSettings={onOpenExtensionSettings}
          />
        </FirstRunFrame>
      );
  }
}

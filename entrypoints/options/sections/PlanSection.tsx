import { t } from '@/lib/i18n';
import { useHistory } from '@/components/hooks/use-history';
import { EndPlanForm } from '@/components/options/EndPlanForm';
import { FrictionForm } from '@/components/options/FrictionForm';
import { IfThenEditor } from '@/components/options/IfThenEditor';
import { PlanForm } from '@/components/options/PlanForm';
import { PurposeChoice } from '@/components/options/PurposeChoice';
import { usePurposeSave } from '@/components/hooks/use-purpose-save';
import { ReasonsEditor } from '@/components/options/ReasonsEditor';
import { countingTimeZone, type Settings } from '@/lib/settings';
import { systemTimeZone } from '@/lib/streak/calendar';
import { computeStats } from '@/lib/streak/stats';
import { endReasonFromAddress } from '@/lib/end-plan-link';
import { goalReachedKey } from '@/lib/purpose';
import { PlanEnded } from '@/components/PlanEnded';
import { beforeDayOne, currentStageSet } from '@/lib/stage';
import { StageSection } from './StageSection';
import {
  endPlan,
  outcomeText,
  proposeChange,
  saveIfThen,
  savePlan,
  savePurpose,
  saveReasons,
  today,
} from '../actions';

export function PlanSection({ settings }: { settings: Settings }) {
  const endWaiting = settings.pending.some((p) => p.change.kind === 'end-plan');
  const { events } = useHistory();
  // The day as the popup shows it: whether the goal day has come decides if ending waits;
  // with no plan, the plan that ended last is a state of its own.
  const stats = events
    ? computeStats({
        plan: settings.plan,
        events,
        now: Date.now(),
        timeZone: countingTimeZone(settings.plan, systemTimeZone()),
      })
    : null;
  const status = settings.plan ? (stats?.status ?? null) : null;
  const endedPlan = !settings.plan ? (stats?.endedPlan ?? null) : null;
  const goalReached = status?.kind === 'running' && status.goalReached ? status : null;
  const stageSet = !!events && currentStageSet(events) !== null;
  const purpose = usePurposeSave(savePurpose);
  const focusField = (selector: string) =>
    document.querySelector<HTMLInputElement>(`#plan-form ${selector}`)?.focus();
  return (
    <>
      <section aria-labelledby="plan-h">
        <h2 id="plan-h">{t('sectionPlan')}</h2>
        {endedPlan && (
          <div class="notice">
            <PlanEnded
              ended={endedPlan}
              purpose={settings.purpose}
              level={3}
              headingId="plan-ended-h"
              onNewPlan={() => focusField('input[type=date]')}
            />
          </div>
        )}
        {goalReached && (
          <div class="notice goal-reached" role="group" aria-labelledby="goal-reached-h">
            <h3 id="goal-reached-h">
              {t('goalReachedHeading', goalReached.day, goalReached.goalDays)}
            </h3>
            <p>{t(goalReachedKey(settings.purpose))}</p>
            <div class="row">
              <button type="button" onClick={() => focusField('input[type=number]')}>
                {t('goalKeepGoing')}
              </button>
              <a href="#end-h">{t('goalGoToEnd')}</a>
            </div>
          </div>
        )}
        <div id="plan-form">
          <PlanForm plan={settings.plan} today={today(settings)} onSave={savePlan} />
        </div>
        <PurposeChoice value={settings.purpose} onChange={purpose.choose} status={purpose.status} />
      </section>
      {(beforeDayOne(settings.plan, today(settings)) || stageSet) && (
        <section aria-labelledby="stage-h">
          <h2 id="stage-h">{t('stageTitle')}</h2>
          <StageSection settings={settings} events={events} />
        </section>
      )}
      <section aria-labelledby="friction-h">
        <h2 id="friction-h">{t('frictionTitle')}</h2>
        <FrictionForm
          friction={settings.friction}
          onSave={async (friction) =>
            outcomeText(await proposeChange({ kind: 'set-friction', friction }))
          }
        />
      </section>
      <section aria-labelledby="reasons-h">
        <h2 id="reasons-h">{t('reasonsListLabel')}</h2>
        <p class="muted">{t('reasonsIntro')}</p>
        <ReasonsEditor reasons={settings.reasons} onChange={saveReasons} />
      </section>
      <section aria-labelledby="ifthen-h">
        <h2 id="ifthen-h">{t('ifThenListLabel')}</h2>
        <p class="muted">{t('ifThenIntro')}</p>
        <IfThenEditor plans={settings.ifThen} onChange={saveIfThen} />
      </section>
      {settings.plan && (
        <section aria-labelledby="end-h">
          <h2 id="end-h">{t('endPlan')}</h2>
          <EndPlanForm
            initialReason={endReasonFromAddress(location.search)}
            waiting={endWaiting}
            goalReached={status?.kind === 'running' && status.goalReached}
            onEnd={async (reason) => (await endPlan(settings, reason, status)).text}
          />
        </section>
      )}
    </>
  );
}

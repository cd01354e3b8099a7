import { useState } from 'preact/hooks';
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
import { endedKey } from '@/lib/purpose';
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
  // The day as the popup shows it: whether the goal day has come decides if ending waits.
  const status =
    settings.plan && events
      ? computeStats({
          plan: settings.plan,
          events,
          now: Date.now(),
          timeZone: countingTimeZone(settings.plan, systemTimeZone()),
        }).status
      : null;
  const [ended, setEnded] = useState<string | null>(null);
  const purpose = usePurposeSave(savePurpose);
  return (
    <>
      <section aria-labelledby="plan-h">
        <h2 id="plan-h">{t('sectionPlan')}</h2>
        {!settings.plan && ended && (
          <div class="notice">
            <p>{ended}</p>
            <p>{t(endedKey(settings.purpose))}</p>
          </div>
        )}
        <PlanForm
          plan={settings.plan}
          today={today(settings)}
          onSave={async (v) => {
            setEnded(null);
            return savePlan(v);
          }}
        />
        <PurposeChoice value={settings.purpose} onChange={purpose.choose} status={purpose.status} />
      </section>
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
            onEnd={async (reason) => {
              const r = await endPlan(settings, reason, status);
              if (r.ended) setEnded(r.text);
              return r.text;
            }}
          />
        </section>
      )}
    </>
  );
}

import { EndPlanForm } from '@/components/options/EndPlanForm';
import { FrictionForm } from '@/components/options/FrictionForm';
import { PlanForm } from '@/components/options/PlanForm';
import { ReasonsEditor } from '@/components/options/ReasonsEditor';
import type { Settings } from '@/lib/settings';
import { outcomeText, proposeChange, savePlan, saveReasons, today } from '../actions';

export function PlanSection({ settings }: { settings: Settings }) {
  const endWaiting = settings.pending.some((p) => p.change.kind === 'end-plan');
  return (
    <>
      <section aria-labelledby="plan-h">
        <h2 id="plan-h">Plan</h2>
        <PlanForm plan={settings.plan} today={today(settings)} onSave={savePlan} />
      </section>
      <section aria-labelledby="friction-h">
        <h2 id="friction-h">Before “Continue anyway”</h2>
        <FrictionForm
          friction={settings.friction}
          onSave={async (friction) =>
            outcomeText(await proposeChange({ kind: 'set-friction', friction }))
          }
        />
      </section>
      <section aria-labelledby="reasons-h">
        <h2 id="reasons-h">Your reasons</h2>
        <p class="muted">One of them is shown on the blocked page, in your own words.</p>
        <ReasonsEditor reasons={settings.reasons} onChange={saveReasons} />
      </section>
      {settings.plan && (
        <section aria-labelledby="end-h">
          <h2 id="end-h">End the plan</h2>
          <EndPlanForm
            waiting={endWaiting}
            onEnd={async (reason) => {
              const r = await proposeChange({ kind: 'end-plan', reason });
              return endWaiting
                ? 'The reason was changed; the time stays the same.'
                : outcomeText(r);
            }}
          />
        </section>
      )}
    </>
  );
}

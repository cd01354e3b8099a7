import { useDrafts, useHistory } from '@/components/hooks/use-history';
import { DraftsBox } from '@/components/options/DraftsBox';
import { StageSetting } from '@/components/options/StageSetting';
import type { Settings } from '@/lib/settings';
import { beforeDayOne, currentStageSet } from '@/lib/stage';
import { keepDraft, logStageSet, removeDraft, today } from '../actions';

/**
 * Setting the stage with its drafts box and the log: shown in the first run when the
 * person said they begged or hurt the ex, and on the plan page while day 1 is ahead (or
 * once the stage was set, to say so).
 */
export function StageSection({ settings, intro }: { settings: Settings; intro?: boolean }) {
  const { events } = useHistory();
  const { drafts, error } = useDrafts();
  const stageSet = !!events && currentStageSet(events) !== null;
  return (
    <StageSetting
      open={beforeDayOne(settings.plan, today(settings))}
      stageSet={stageSet}
      intro={intro}
      drafts={<DraftsBox drafts={error ? [] : drafts} onSave={keepDraft} onDelete={removeDraft} />}
      onSent={logStageSet}
    />
  );
}

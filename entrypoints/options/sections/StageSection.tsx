import { useDrafts, useHistory } from '@/components/hooks/use-history';
import { DraftsBox } from '@/components/options/DraftsBox';
import { StageSetting } from '@/components/options/StageSetting';
import type { Settings } from '@/lib/settings';
import type { LogEvent } from '@/lib/streak/log-event';
import { beforeDayOne, currentStageSet } from '@/lib/stage';
import { keepDraft, logStageSet, removeDraft, today } from '../actions';

/**
 * Setting the stage with its drafts box and the log: shown on the plan page while day 1 is
 * ahead (or once the stage was set, to say so), with the log the page already reads.
 */
export function StageSection({
  settings,
  events,
  intro,
}: {
  settings: Settings;
  /** The log, as the page reads it; null while it is read. */
  events: readonly LogEvent[] | null;
  intro?: boolean;
}) {
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

/** The same in the first run (when the person said they begged or hurt the ex), which reads the log for it. */
export function FirstRunStage({ settings }: { settings: Settings }) {
  const { events } = useHistory();
  return <StageSection settings={settings} events={events} intro={false} />;
}

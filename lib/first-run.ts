import { t, type MessageKey } from './i18n';

/**
 * Where the person is in the first run, kept in storage.local under a key of the options
 * page's own, so the first run can be left and resumed. Deleting everything clears it
 * with the rest, and the first run starts over.
 */
export const FIRST_RUN_KEY = 'options.firstRun';

/** What the person ticked in the first run's situation check (see SituationCheck). */
export interface Situation {
  /** The breakup was more than about six months ago, and they haven't been in touch. */
  longAgo: boolean;
  /** They live together, work together, or share children. */
  together: boolean;
  /** The person begged or pleaded, or wronged the ex (cheating, for example). */
  wronged: boolean;
}

export const NO_SITUATION: Situation = { longAgo: false, together: false, wronged: false };

/** A step whose title is read in the browser's language when it is shown. */
const step = <Id extends string>(id: Id, titleKey: MessageKey) => ({
  id,
  get title() {
    return t(titleKey);
  },
});

/**
 * The situation check comes first: what the days are for, and whether plain No Contact
 * fits (a long silence, Modified No Contact, setting the stage), before a start date is
 * chosen, as the method sets the stage before day 1.
 */
export const FIRST_RUN_STEPS = [
  step('situation', 'stepSituationTitle'),
  step('plan', 'stepPlanTitle'),
  step('profiles', 'stepProfilesTitle'),
  step('reasons', 'stepReasonsTitle'),
  step('private', 'stepPrivateTitle'),
] as const;
export type StepId = (typeof FIRST_RUN_STEPS)[number]['id'];

export interface FirstRunState {
  version: 1;
  step: StepId;
  done: boolean;
  situation: Situation;
}

export const INITIAL_FIRST_RUN: FirstRunState = {
  version: 1,
  step: 'situation',
  done: false,
  situation: NO_SITUATION,
};

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the stored state; anything unreadable starts the first run from its beginning. */
export function parseFirstRun(raw: unknown): FirstRunState {
  if (!isObj(raw) || raw.version !== 1) return INITIAL_FIRST_RUN;
  const step = FIRST_RUN_STEPS.find((s) => s.id === raw.step)?.id ?? 'situation';
  const s = isObj(raw.situation) ? raw.situation : {};
  return {
    version: 1,
    step,
    done: raw.done === true,
    situation: {
      longAgo: s.longAgo === true,
      together: s.together === true,
      wronged: s.wronged === true,
    },
  };
}

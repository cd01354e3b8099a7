import { labels, t, type MessageKey } from './i18n';
import { backTogetherKeys } from './purpose';
import type { Purpose } from './settings';
import type { ContactChannel, ReachOutGist } from './streak/log-event';

/*
 * What to make of it when the ex reaches out, by what their contact was like. Their
 * contact never restarts the count; only what the person does can. The words follow the
 * method: mixed signals and "let's talk" are not the end of No Contact (no reply is
 * offered); a brief, calm answer can be right when they keep asking; angry or hurt
 * messages are first let be, and a short calm reply is suggested only when the log shows
 * they keep coming (ANGRY_REPORTS_FOR_REPLY in ANGRY_WINDOW_DAYS); a clear wish to get back
 * together is where No Contact can end, read by what the person's days are for.
 */

/** What the guidance suggests doing about a reply. */
export type ReplyAdvice = 'no-reply' | 'brief-reply' | 'let-be' | 'goal-reached' | 'practical';

/**
 * The rule for angry or hurt messages: the method says to let them be at first, and only
 * when it goes on may one short, calm message be right. "Goes on" is taken as 3 reports
 * of angry or hurt contact logged within 7 days (the one just logged included): fewer is
 * the ordinary first reaction to a silence; 3 in a week is a pattern the person can see
 * in their own log.
 */
export const ANGRY_REPORTS_FOR_REPLY = 3;
export const ANGRY_WINDOW_DAYS = 7;
export const ANGRY_WINDOW_MS = ANGRY_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** Whether angry or hurt contact keeps happening: `reports` logged in the last ANGRY_WINDOW_DAYS. */
export function angerKeepsHappening(reports: number): boolean {
  return reports >= ANGRY_REPORTS_FOR_REPLY;
}

/**
 * How many angry or hurt reports fall in the window ending at `now` (times in epoch ms):
 * the count the rule above reads.
 */
export function angryReportsInWindow(
  reports: readonly { time: number; gist?: ReachOutGist }[],
  now: number,
): number {
  return reports.filter(
    (r) => r.gist === 'angry' && r.time > now - ANGRY_WINDOW_MS && r.time <= now,
  ).length;
}

export interface Guidance {
  title: string;
  text: string;
  advice: ReplyAdvice;
}

export const GIST_LABELS: Readonly<Record<ReachOutGist, string>> = labels({
  'mixed-signals': 'gistMixedSignals',
  'asking-why': 'gistAskingWhy',
  angry: 'gistAngry',
  'get-back-together': 'gistGetBackTogether',
  practical: 'gistPractical',
  other: 'gistOther',
});

/** How the ex made contact, as a choice in a list. */
export const CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = labels({
  message: 'channelMessage',
  call: 'channelCall',
  'in-person': 'channelInPerson',
  'social-media': 'channelSocialMedia',
  'through-someone': 'channelThroughSomeone',
  other: 'channelOther',
});

/** Guidance whose words are read in the browser's language when they are shown. */
function guide(titleKey: MessageKey, textKey: MessageKey, advice: ReplyAdvice): Guidance {
  return {
    get title() {
      return t(titleKey);
    },
    get text() {
      return t(textKey);
    },
    advice,
  };
}

/**
 * The guidance for what their contact was like, as it fits the person's purpose and, for
 * angry or hurt contact, how often it came lately (`angryReports`, from the log).
 */
export function guidanceFor(gist: ReachOutGist, purpose: Purpose, angryReports = 1): Guidance {
  if (gist === 'get-back-together') {
    const k = backTogetherKeys(purpose);
    return guide(k.title, k.text, 'goal-reached');
  }
  if (gist === 'angry') {
    return angerKeepsHappening(angryReports)
      ? {
          get title() {
            return t('guideAngryOngoingTitle');
          },
          get text() {
            return t('guideAngryOngoingText', angryReports);
          },
          advice: 'brief-reply',
        }
      : guide('guideAngryFirstTitle', 'guideAngryFirstText', 'let-be');
  }
  return GUIDANCE[gist];
}

/** Whether the guidance offers ways to log a reply: never for mixed signals (the advice is not to answer). */
export const offersReply = (gist: ReachOutGist): boolean => gist !== 'mixed-signals';

export const GUIDANCE: Record<ReachOutGist, Guidance> = {
  'mixed-signals': guide('guideMixedSignalsTitle', 'guideMixedSignalsText', 'no-reply'),
  'asking-why': guide('guideAskingWhyTitle', 'guideAskingWhyText', 'brief-reply'),
  // Without the log or the purpose (see guidanceFor): the first time, not sure yet.
  angry: guide('guideAngryFirstTitle', 'guideAngryFirstText', 'let-be'),
  'get-back-together': guide('guideBackUnsureTitle', 'guideBackUnsureText', 'goal-reached'),
  practical: guide('guidePracticalTitle', 'guidePracticalText', 'practical'),
  other: guide('guideOtherTitle', 'guideOtherText', 'no-reply'),
};

/** The one line that tells the two ways of logging a reply apart. */
export const replyDifference = () => t('replyDifference');

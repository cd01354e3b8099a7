import { labels, t, type MessageKey } from './i18n';
import type { ContactChannel, ReachOutGist } from './streak/log-event';

/*
 * What to make of it when the ex reaches out, by what their contact was like. Their
 * contact never restarts the count; only what the person does can. The words follow the
 * method: mixed signals and "let's talk" are not the end of No Contact; a brief, calm
 * answer can be right when they keep asking or are upset by the silence; a clear wish to
 * get back together means the goal is reached.
 */

/** What the guidance suggests doing about a reply. */
export type ReplyAdvice = 'no-reply' | 'brief-reply' | 'goal-reached' | 'practical';

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

export const GUIDANCE: Record<ReachOutGist, Guidance> = {
  'mixed-signals': guide('guideMixedSignalsTitle', 'guideMixedSignalsText', 'no-reply'),
  'asking-why': guide('guideAskingWhyTitle', 'guideAskingWhyText', 'brief-reply'),
  angry: guide('guideAngryTitle', 'guideAngryText', 'brief-reply'),
  'get-back-together': guide(
    'guideGetBackTogetherTitle',
    'guideGetBackTogetherText',
    'goal-reached',
  ),
  practical: guide('guidePracticalTitle', 'guidePracticalText', 'practical'),
  other: guide('guideOtherTitle', 'guideOtherText', 'no-reply'),
};

/** The one line that tells the two ways of logging a reply apart. */
export const replyDifference = () => t('replyDifference');

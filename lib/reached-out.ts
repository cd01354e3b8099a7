import type { ReachOutGist } from './streak/events';

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

export const GIST_LABELS: Record<ReachOutGist, string> = {
  'mixed-signals': 'Mixed signals: “I miss you”, “let’s meet and talk”',
  'asking-why': 'They keep asking what is going on',
  angry: 'They are angry or hurt about the silence',
  'get-back-together': 'They clearly asked to get back together',
  practical: 'Something practical (children, work, things to return)',
  other: 'Something else',
};

export const GUIDANCE: Record<ReachOutGist, Guidance> = {
  'mixed-signals': {
    title: 'Keep going',
    text: 'Messages like “I miss you” or “can we talk?” are not a clear wish to get back together. They often mean the distance is being felt, which is a sign it is working. No Contact goes on; you don’t need to answer.',
    advice: 'no-reply',
  },
  'asking-why': {
    title: 'One short, calm answer is enough',
    text: 'If they keep asking what is going on, you can answer once, briefly and calmly: something like “I’m busy, I’m focusing on moving on.” No promises, no explanations of No Contact, no goodbye speech. Then go back to your plan.',
    advice: 'brief-reply',
  },
  angry: {
    title: 'A short, calm message can be right',
    text: 'When someone grows angry or hurt about the silence, breaking it once with a short, calm message can be the kinder and wiser choice. Keep it plain and brief; don’t argue or reopen the breakup.',
    advice: 'brief-reply',
  },
  'get-back-together': {
    title: 'Your goal is reached',
    text: 'A clear, unmistakable wish to get back together is what this was for. You can end the plan with that reason; there is no need to rush or to seem over-eager. If it was less clear than that, treat it as mixed signals and keep going.',
    advice: 'goal-reached',
  },
  practical: {
    title: 'Keep it brief and practical',
    text: 'If something truly needs handling (children, work, belongings), answer that and nothing more: short, friendly, no talk about the relationship.',
    advice: 'practical',
  },
  other: {
    title: 'Take your time',
    text: 'Their contact does not change your count. You don’t have to answer now, or at all. If you are unsure, wait a day and reread your reasons before deciding.',
    advice: 'no-reply',
  },
};

/** The one line that tells the two ways of logging a reply apart. */
export const REPLY_DIFFERENCE =
  'Necessary contact is a brief reply that had to be sent and keeps your count; a slip is one you wish you hadn’t sent, and starts the count again.';

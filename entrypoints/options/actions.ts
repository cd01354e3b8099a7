import { browser } from 'wxt/browser';
import { say, sayAnswer, t } from '@/lib/i18n';
import { pageDb } from '@/components/hooks/page-db';
import type { CheckResult, SiteAccess } from '@/components/options/DataPanel';
import { formatMoment } from '@/lib/format-date';
import type { PlanValues } from '@/components/options/PlanForm';
import {
  backupToJson,
  checkBackup,
  exportBackup,
  importedSettings,
  keptAfterDelete,
  waitsFrom,
  type Waits,
} from '@/lib/backup';
import {
  cancelPending,
  endsAtOnce,
  propose,
  type Proposal,
  type ProposalResult,
} from '@/lib/cooling-off';
import { link } from './link';
import { newDedupeKey, type Responses } from '@/lib/messaging';
import { askedSitesName, originPatternsFor } from '@/lib/profiles';
import {
  logReachedOut as logContact,
  logReply as logReplyAs,
  type ReachedOutValues,
  type ReplyAs,
  type ReplyLogged,
} from '@/lib/reached-out-log';
import type { ProfileMode, Recognised } from '@/lib/profiles/types';
import type { AddOutcome } from '@/components/options/ProfileForm';
import { RULE_CHECK_WAIT_MS } from '@/lib/limits';
import { listLimitProblem, profileLimitProblem } from '@/lib/rules/budget';
import { blockedIn, listKey, watchRuleCheck } from '@/lib/rules/rule-check';
import type { Words } from '@/lib/words';
import {
  loadSettings,
  updateSettings,
  type IfThenPlan,
  type Plan,
  type Purpose,
  type Settings,
} from '@/lib/settings';
import type { SignId } from '@/lib/signs';
import { localDate, systemTimeZone, type CivilDate } from '@/lib/streak/calendar';
import type { DayStatus } from '@/lib/streak/day';
import type { PlanEndChoice } from '@/lib/streak/log-event';

/*
 * The options page's writes. Settings are written from the page (storage.local, whole
 * settings in one set, so nothing is ever saved half); the event log, imports and
 * deleting go through the background. Every change of protection passes through
 * lib/cooling-off, so the page and the background judge it by the same rules.
 */

const area = browser.storage.local;
/** Every request to the background; no answer is a failure (see lib/ask). */
const ask = link.ask;

const saveFailed = () => t('saveFailedRetry');

/** Saves what the days are for; resolves to the words to show. */
export async function savePurpose(purpose: Purpose): Promise<string> {
  try {
    await updateSettings(area, (s) => ({ ...s, purpose }));
  } catch {
    throw new Error(saveFailed());
  }
  return t('purposeSaved');
}

/** The person has read the one-time notes: they are not shown again. */
export async function dismissNotices(): Promise<void> {
  await updateSettings(area, (s) => ({ ...s, notices: [] }));
}

/** Saves the plan; a new plan or a new start date is also written to the event log. */
export async function savePlan(v: PlanValues): Promise<string> {
  let startsAnew = false;
  try {
    await updateSettings(area, (s) => {
      startsAnew = !s.plan || s.plan.startDate !== v.startDate;
      const plan: Plan = {
        startDate: v.startDate,
        goalDays: v.goalDays,
        looksRestart: v.looksRestart,
        ...(v.taper && { taper: true as const }),
      };
      // A chosen counting zone is kept; this form does not offer to change it.
      return { ...s, plan: s.plan?.timeZone ? { ...plan, timeZone: s.plan.timeZone } : plan };
    });
  } catch {
    throw new Error(saveFailed());
  }
  if (startsAnew) {
    // After the settings: the plan is what protects and counts; the log entry only lets
    // this plan's streak be told apart from the next one once it ends.
    await ask('log-plan-start', {
      startDate: v.startDate,
      goalDays: v.goalDays,
      dedupeKey: newDedupeKey(),
    }).catch((e: unknown) => console.error('No Contact: the plan start was not logged', e));
  }
  return t('saved');
}

/** Words for what a proposal did. */
export function outcomeText(r: ProposalResult, appliedText = t('saved')): string {
  const when = r.pending ? formatMoment(r.pending.dueAt) : '';
  switch (r.outcome) {
    case 'applied':
      return appliedText;
    case 'pending':
      return t('outcomePending', when);
    case 'partly-pending':
      return t('outcomePartlyPending', when);
    case 'unchanged':
      return t('outcomeUnchanged');
  }
}

/** Applies what strengthens at once and queues what weakens (see lib/cooling-off). */
export async function proposeChange(p: Proposal): Promise<ProposalResult> {
  let result: ProposalResult | null = null;
  try {
    await updateSettings(area, (s) => {
      result = propose(s, p, Date.now(), () => crypto.randomUUID());
      return result.settings;
    });
  } catch {
    throw new Error(saveFailed());
  }
  return result!;
}

export async function cancelChange(id: string): Promise<void> {
  await updateSettings(area, (s) => cancelPending(s, id));
}

export async function saveReasons(reasons: string[]): Promise<void> {
  try {
    await updateSettings(area, (s): Settings => ({ ...s, reasons }));
  } catch {
    throw new Error(t('reasonsSaveFailedRetry'));
  }
}

/** A list the browser could not hold with one more profile (refused inside the save). */
class OverRuleLimit extends Error {
  constructor(readonly words: Words) {
    super('over the browser rule limit');
  }
}

/**
 * Adds a profile. A custom site, or a conversation on a chat app whose hosts the manifest
 * does not give (Discord, Telegram Web, WhatsApp), first needs the browser's permission for
 * its origins (`originPatternsFor`):
 * asked here, synchronously inside the person's click (a prompt needs that gesture), and
 * before anything is saved. Refused, or failed to save, nothing stays half-added: no
 * profile, and no permission kept for it. A list that would need more rules than the
 * browser allows is refused under the settings lock, against the stored list.
 *
 * Once saved, it waits for the background's check of the rules in force for the new list
 * (lib/rules/rule-check.ts) and says what that check found, never more.
 */
export function addProfile(profile: Recognised, mode: ProfileMode): Promise<AddOutcome> {
  const origins = originPatternsFor(profile);
  const permitted: Promise<boolean> = origins.length
    ? browser.permissions.request({ origins }).catch((e: unknown) => {
        console.error('No Contact: permission request failed', e);
        return false;
      })
    : Promise.resolve(true);
  // The sites as the permission prompt names them, without the platform's name.
  const site = askedSitesName(profile);
  return permitted.then(async (ok): Promise<AddOutcome> => {
    if (!ok) return { added: false, error: t('profilePermissionRefused', site) };
    // Listening before the save, so a quick background's verdict is not missed.
    const verdict = watchRuleCheck(browser.storage);
    let saved: Settings;
    try {
      saved = await updateSettings(area, (s) => {
        const over = profileLimitProblem(s.profiles, profile);
        if (over) throw new OverRuleLimit(over);
        const proposal = {
          kind: 'add-profile' as const,
          profile: { ...profile, mode, addedAt: Date.now() },
        };
        return propose(s, proposal, Date.now(), () => crypto.randomUUID()).settings;
      });
    } catch (e) {
      verdict.stop();
      if (origins.length) await browser.permissions.remove({ origins }).catch(() => undefined);
      return {
        added: false,
        error: e instanceof OverRuleLimit ? say(e.words) : t('profileSaveFailedRetry'),
      };
    }
    const check = await verdict.forList(listKey(saved.profiles), RULE_CHECK_WAIT_MS);
    return { added: true, blocked: check ? blockedIn(check, profile.id) : null };
  });
}

export function today(s: Settings | null): string {
  return localDate(Date.now(), s?.plan?.timeZone ?? systemTimeZone());
}

export async function exportAll(): Promise<{ text: string; filename: string }> {
  const backup = await exportBackup(await pageDb(), area, Date.now());
  return {
    text: backupToJson(backup),
    filename: `no-contact-backup-${localDate(Date.now(), systemTimeZone())}.json`,
  };
}

/** A waiting change's id in a preview, which is never saved. */
const previewId = () => 'preview';

/**
 * Checks a backup for the preview, and says beforehand what the import would keep
 * waiting (judged against the settings stored now, as the background will judge them)
 * and which of its custom sites this browser does not let the extension reach yet.
 */
export async function checkImport(text: string): Promise<CheckResult> {
  const now = Date.now();
  const r = checkBackup(text, now);
  if (!r.ok) return { ok: false, message: say(r.problem.words) };
  const current = await loadSettings(area);
  const imported = importedSettings(current, r.backup.settings, now, previewId);
  // The list after the import (the backup's profiles and the ones kept while their removal
  // waits) must fit the browser's rules, as an added profile must.
  const tooMany = listLimitProblem(imported.profiles);
  if (tooMany) return { ok: false, message: say(tooMany) };
  const waits = waitsFrom(current, imported);
  return { ok: true, preview: r.preview, waits, access: await missingAccess(r.backup.settings) };
}

/** The custom sites in `settings` whose access this browser has not given (none: null). */
async function missingAccess(settings: Settings): Promise<SiteAccess | null> {
  const sites: string[] = [];
  const origins: string[] = [];
  for (const p of settings.profiles) {
    const needed = originPatternsFor(p);
    if (!needed.length) continue;
    const given = await browser.permissions.contains({ origins: needed }).catch(() => false);
    if (given) continue;
    sites.push(askedSitesName(p));
    origins.push(...needed);
  }
  return sites.length ? { sites, origins: [...new Set(origins)] } : null;
}

/**
 * Asks the browser to let No Contact reach `origins`; must run straight from a click (the
 * browser asks the person only for their own action). Resolves to whether it may.
 */
export function requestAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins }).catch((e: unknown) => {
    console.error('No Contact: site access was not given', e);
    return false;
  });
}

/** What "Delete everything" would keep waiting now: the listed profiles, until when. */
export function deleteWaits(s: Settings | null): Waits {
  if (!s) return { removals: [], toModified: [], friction: null, planEnd: null };
  return waitsFrom(s, keptAfterDelete(s, Date.now(), previewId));
}

export async function applyImport(text: string): Promise<string | null> {
  try {
    const r = await ask('apply-import', { text });
    return r.ok ? null : sayAnswer(r.error, t('importFailed'));
  } catch {
    return t('importFailed');
  }
}

export async function deleteAll(): Promise<string | null> {
  try {
    const r = await ask('delete-everything', {});
    return r.ok ? null : sayAnswer(r.error, t('deleteFailed'));
  } catch {
    return t('deleteFailed');
  }
}

// ---------------------------------------------------------------------------------------
// They reached out, replies, signs, drafts, if-then plans, ending the plan.

const notLogged = () => t('notLoggedRetry');

export async function logReachedOut(v: ReachedOutValues): Promise<{ angryReports?: number }> {
  let r: Awaited<ReturnType<typeof logContact>>;
  try {
    r = await logContact(ask, 'options', v);
  } catch {
    throw new Error(notLogged());
  }
  if (r.refused) throw new Error(say(r.refused));
  return r;
}

/** Logs the person's reply to them, as they chose; resolves to the words to show. */
export async function logReply(as: ReplyAs): Promise<string> {
  let r: ReplyLogged;
  try {
    r = await logReplyAs(ask, 'options', as);
  } catch {
    throw new Error(notLogged());
  }
  if (r.as === 'necessary-contact') return t('replyLoggedNecessary');
  return r.restarted ? t('replyLoggedSlipRestarted') : t('replyLoggedSlip');
}

export async function setSignNoticed(sign: SignId, noticedOn: CivilDate | null): Promise<void> {
  let r: Responses['set-sign'];
  try {
    r = await ask('set-sign', { sign, noticedOn });
  } catch {
    throw new Error(saveFailed());
  }
  if (!r.ok) throw new Error(sayAnswer(r.error, saveFailed()));
}

/** "I sent it": the one message that sets the stage before day 1. */
export async function logStageSet(): Promise<string> {
  let r: Responses['log-stage-set'];
  try {
    r = await ask('log-stage-set', { dedupeKey: newDedupeKey() });
  } catch {
    throw new Error(t('stageLogFailed'));
  }
  if (!r.ok) throw new Error(sayAnswer(r.error, t('stageLogFailed')));
  return t('stageSetDone');
}

export async function keepDraft(id: string, text: string): Promise<void> {
  let r: Responses['save-draft'];
  try {
    r = await ask('save-draft', { id, text });
  } catch {
    throw new Error(t('draftKeepFailed'));
  }
  if (!r.ok) throw new Error(sayAnswer(r.error, t('draftKeepFailed')));
}

export async function removeDraft(id: string): Promise<void> {
  try {
    await ask('delete-draft', { id });
  } catch {
    throw new Error(t('draftDeleteFailedRetry'));
  }
}

export async function saveIfThen(ifThen: IfThenPlan[]): Promise<void> {
  try {
    await updateSettings(area, (s): Settings => ({ ...s, ifThen }));
  } catch {
    throw new Error(t('ifThenSaveFailedRetry'));
  }
}

/**
 * Ends the plan: at once for "goal reached" on or after the goal day (the background
 * checks that again), otherwise after the cooling-off. Resolves to the words to show.
 */
export async function endPlan(
  settings: Settings,
  reason: PlanEndChoice,
  status: DayStatus | null,
): Promise<{ text: string; ended: boolean }> {
  if (endsAtOnce(settings, reason, status)) {
    let r: Responses['end-plan-now'];
    try {
      r = await ask('end-plan-now', { dedupeKey: newDedupeKey() });
    } catch {
      throw new Error(t('endPlanFailed'));
    }
    if (!r.ok) throw new Error(sayAnswer(r.error, t('endPlanFailed')));
    return {
      text: t('endPlanDone'),
      ended: true,
    };
  }
  const waiting = settings.pending.some((p) => p.change.kind === 'end-plan');
  const r = await proposeChange({ kind: 'end-plan', reason });
  return {
    text: waiting ? t('endPlanReasonChanged') : outcomeText(r),
    ended: false,
  };
}

import type { Draft } from '../drafts';
import type { Plan, Settings } from '../settings';
import type { SignNoticed } from '../signs';
import type { LogEvent } from '../streak/log-event';
import type { Words } from '../words';

/*
 * The backup file's format: what an export writes, what an import accepts, and what the
 * checker answers. Its limits (size, dates, lengths) live in lib/limits.
 */

export const BACKUP_FORMAT = 'no-contact-backup';
/**
 * 2 added drafts, signs and (in settings v3) if-then plans. Version 1 files still import:
 * they simply have none of those.
 */
export const BACKUP_VERSION = 2;
export const READABLE_VERSIONS: readonly number[] = [1, 2];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601, UTC. */
  exportedAt: string;
  settings: Settings;
  /** Every event, undone ones included, in time order. */
  events: LogEvent[];
  /** "Write it here instead": every kept draft, oldest first. */
  drafts: Draft[];
  /** The signs it is working that were ticked, in the checklist's order. */
  signs: SignNoticed[];
}

declare const checked: unique symbol;
/** A backup that passed checkBackup; only such a backup can be applied. */
export type CheckedBackup = Backup & { readonly [checked]: true };

export type ImportProblemCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-a-backup'
  | 'wrong-format'
  | 'newer-version'
  | 'unknown-version'
  | 'forbidden-key'
  | 'too-deep'
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'not-allowed'
  | 'out-of-range'
  | 'too-long'
  | 'bad-date'
  | 'bad-time'
  | 'future'
  | 'too-old'
  | 'date-mismatch'
  | 'bad-time-zone'
  | 'bad-address'
  | 'address-scheme'
  | 'profile-mismatch'
  | 'not-a-profile'
  | 'duplicate-event'
  | 'duplicate-dedupe-key'
  | 'duplicate-profile'
  | 'duplicate-pending'
  | 'duplicate-draft'
  | 'duplicate-sign'
  | 'settings-version';

export interface ImportProblem {
  code: ImportProblemCode;
  /**
   * What is wrong, in plain words for the person (say() from lib/i18n puts them in the
   * browser's language), ending with the reassurance that nothing was changed.
   */
  words: Words;
}

export interface ImportPreview {
  plan: Plan | null;
  profiles: number;
  events: number;
  drafts: number;
  signs: number;
  ifThen: number;
  exportedAt: string;
}

export type ImportCheck =
  | { ok: true; backup: CheckedBackup; preview: ImportPreview }
  | { ok: false; problem: ImportProblem };

/** A draft's fields in one fixed order, and nothing else (see canonicalEvent). */
export function canonicalDraft(d: Draft): Draft {
  return { id: d.id, text: d.text, time: d.time, localDate: d.localDate, timeZone: d.timeZone };
}

/** A ticked sign's fields in one fixed order, and nothing else. */
export function canonicalSign(x: SignNoticed): SignNoticed {
  return { sign: x.sign, noticedOn: x.noticedOn, recordedAt: x.recordedAt };
}

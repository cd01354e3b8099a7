// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StageSetting } from '@/components/options/StageSetting';
import { readSettingsValue } from '@/lib/settings/read';

afterEach(cleanup);

const box = <textarea aria-label="Draft" />;

describe('Setting the stage', () => {
  it('gives the apology guidance beside the drafts box, and "I sent it" logs it', async () => {
    const onSent = vi.fn(() => Promise.resolve('Stage set: logged.'));
    render(<StageSetting open stageSet={false} drafts={box} onSent={onSent} />);
    expect(screen.getByText(/Ask for nothing/)).toBeTruthy();
    expect(screen.getByText(/do not announce that you are going quiet/)).toBeTruthy();
    expect(screen.getByLabelText('Draft')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I sent it' }));
    expect(await screen.findByText('Stage set: logged.')).toBeTruthy();
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('a refusal is shown in its own words, and nothing is offered after day 1', async () => {
    const onSent = vi.fn(() => Promise.reject(new Error('Your count has already started.')));
    render(<StageSetting open stageSet={false} drafts={box} onSent={onSent} />);
    fireEvent.click(screen.getByRole('button', { name: 'I sent it' }));
    expect((await screen.findByRole('status')).textContent).toBe('Your count has already started.');
    cleanup();
    render(<StageSetting open={false} stageSet={false} drafts={box} onSent={onSent} />);
    expect(screen.queryByRole('button', { name: 'I sent it' })).toBeNull();
  });

  it('once set, says so instead of offering it again', () => {
    render(<StageSetting open stageSet drafts={box} onSent={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'I sent it' })).toBeNull();
    expect(screen.getByText(/From day 1, there are no more/)).toBeTruthy();
  });
});

describe('the taper in stored settings', () => {
  const stored = (plan: Record<string, unknown>) => ({ version: 4, plan });
  it('is read when set, and an unreadable mark is dropped without harm', () => {
    const base = { startDate: '2026-03-21', goalDays: 30, looksRestart: true };
    expect(readSettingsValue(stored({ ...base, taper: true })).settings.plan).toEqual({
      ...base,
      taper: true,
    });
    expect(readSettingsValue(stored({ ...base, taper: 'yes' })).settings.plan).toEqual(base);
    expect(readSettingsValue(stored(base)).settings.plan).toEqual(base);
  });
});

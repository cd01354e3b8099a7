// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '@/components/popup/Popup';
import { PAUSE_SECONDS } from '@/components/popup/BreathingPause';
import { PLAN, popupProps, quietSummary, summaryFixture } from './summary-fixture';

function renderPopup(over: Partial<PopupProps> = {}) {
  const props = popupProps(over);
  const view = render(<Popup {...props} />);
  return { props, view };
}

/** The value beside a term of the numbers list. */
function stat(term: string): string | null {
  const dt = [...document.querySelectorAll('dt')].find((d) => d.textContent === term);
  return dt?.nextElementSibling?.textContent ?? null;
}

/** Does `f` inside act() and lets the promises it started settle. */
const settle = (f: () => unknown) =>
  act(async () => {
    f();
    await Promise.resolve();
  });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the numbers', () => {
  it('shows the day, the ring, and every number from the summary', () => {
    const { view } = renderPopup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day 3');
    expect(screen.getByText('of 30')).toBeTruthy();
    expect(screen.getByText('27 days to go')).toBeTruthy();
    expect(stat('This streak began')).toBe('Mon, 6 May 2024');
    expect(stat('Longest streak')).toBe('6 days');
    expect(stat('Urges resisted today')).toBe('2');
    expect(stat('Urges resisted in all')).toBe('3');
    expect(stat('Next milestone')).toBe('Day 7, in 4 days');
    const fill = view.container.querySelector('.ring-fill')!;
    const total = 2 * Math.PI * Number(fill.getAttribute('r'));
    expect(1 - Number(fill.getAttribute('stroke-dashoffset')) / total).toBeCloseTo(3 / 30, 5);
    // The ring is decoration; the text carries the numbers.
    expect(view.container.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('counts urges to write apart from urges to look once there are any', () => {
    renderPopup({ summary: { ...summaryFixture(), urgesToWrite: 1 } });
    expect(stat('Urges to look, resisted in all')).toBe('2');
    expect(stat('Urges to write, resisted in all')).toBe('1');
    expect(stat('Urges resisted in all')).toBeNull();
  });

  it('says when the goal is reached, and keeps counting', () => {
    renderPopup({ summary: quietSummary(PLAN, '2024-06-05T12:00:00+02:00') });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day 36');
    expect(screen.getByText('You reached your goal. The count goes on.')).toBeTruthy();
    expect(stat('Next milestone')).toBeNull();
  });

  it('before the start date says when it starts', () => {
    renderPopup({ summary: quietSummary(PLAN, '2024-04-28T12:00:00+02:00') });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'No Contact starts in 3 days',
    );
    expect(stat('Next milestone')).toBe('Day 1, in 3 days');
  });

  it('before setup offers only "Set up No Contact"', () => {
    const { props } = renderPopup({ summary: quietSummary(null, '2024-05-08T12:00:00+02:00') });
    fireEvent.click(screen.getByRole('button', { name: 'Set up No Contact' }));
    expect(props.onSetup).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'I had an urge' })).toBeNull();
  });

  it('shows a celebration when there is one', () => {
    renderPopup({ celebration: { key: '2024-05-06:3', day: 3, text: 'Three days kept.' } });
    expect(screen.getByRole('status').textContent).toBe('Three days kept.');
  });
});

describe('"I had an urge"', () => {
  it('logs once however often it is pressed, and offers a one-minute pause with a way out', async () => {
    let answer!: (id: string) => void;
    const onUrge = vi.fn(() => new Promise<string>((r) => (answer = r)));
    renderPopup({ onUrge });
    const button = screen.getByRole('button', { name: 'I had an urge' });
    fireEvent.click(button);
    fireEvent.click(button);
    await settle(() => answer('urge-1'));
    expect(onUrge).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Noted: an urge you rode out. That counts.')).toBeTruthy();

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    fireEvent.click(screen.getByRole('button', { name: 'Take a one-minute pause' }));
    const stop = screen.getByRole('button', { name: 'Stop the pause' });
    expect(document.activeElement).toBe(stop);
    expect(screen.getByText('Breathe in')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByText('Breathe out')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime((PAUSE_SECONDS - 5) * 1000);
    });
    expect(screen.getByText('That was a minute. However you feel now is fine.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'I had an urge' })).toBeTruthy();
  });

  it('says so when it could not be logged', async () => {
    renderPopup({ onUrge: () => Promise.resolve(null) });
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'I had an urge' })));
    expect(screen.getByRole('alert').textContent).toContain('could not be logged');
  });
});

describe('"I slipped..."', () => {
  it('asks what happened, takes a note, restarts and keeps the longest streak in view', async () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'I slipped...' }));
    expect(screen.getByRole('group', { name: 'What happened?' })).toBeTruthy();
    for (const label of [
      'I sent a message',
      'I called',
      'We met in person',
      'I replied to them',
      'I liked or reacted to something',
      'I looked at their profile',
      'Something else',
    ])
      expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.getByText(/Your longest streak, 6 days, and every day you kept/)).toBeTruthy();

    // Nothing chosen yet: it asks, and logs nothing.
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log it and start again' })),
    );
    expect(screen.getByRole('alert').textContent).toBe('Choose what happened first.');
    expect(props.onSlip).not.toHaveBeenCalled();

    fireEvent.click(screen.getByLabelText('I called'));
    fireEvent.input(screen.getByLabelText('Note (optional)'), {
      target: { value: 'They called first.' },
    });
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log it and start again' })),
    );
    expect(props.onSlip).toHaveBeenCalledWith('call', 'They called first.', undefined);
    expect(screen.getByText(/Today is day 1 again/).textContent).toContain(
      'Your longest streak is still 6 days.',
    );
  });

  it('Cancel goes back without logging', () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'I slipped...' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day 3');
    expect(props.onSlip).not.toHaveBeenCalled();
  });
});

describe('Undo', () => {
  async function slipped(over: Partial<PopupProps> = {}) {
    const r = renderPopup(over);
    fireEvent.click(screen.getByRole('button', { name: 'I slipped...' }));
    fireEvent.click(screen.getByLabelText('I sent a message'));
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log it and start again' })),
    );
    return r;
  }

  it('is offered for ten seconds after a slip, counting down', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await slipped();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
    expect(screen.getByText('10 s left to undo')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(9000);
    });
    expect(screen.getByText('1 s left to undo')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    // The words about what was logged stay.
    expect(screen.getByText(/Today is day 1 again/)).toBeTruthy();
  });

  it('undoes that very entry within the window', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { props } = await slipped();
    await act(() => {
      vi.advanceTimersByTime(9500);
    });
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(props.onUndo).toHaveBeenCalledWith('slip-1');
    expect(await screen.findByText('Undone. It no longer counts.')).toBeTruthy();
  });

  it('says so when the background refuses (too late)', async () => {
    await slipped({ onUndo: () => Promise.resolve(false) });
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(await screen.findByText(/could not be undone/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('is offered after "I had an urge" too', async () => {
    const { props } = renderPopup();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'I had an urge' })));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(props.onUndo).toHaveBeenCalledWith('urge-1');
  });
});

describe('warnings', () => {
  it('shows each weakness in plain words, with its remedy', () => {
    const { props } = renderPopup({
      weaknesses: [
        { kind: 'no-profiles' },
        { kind: 'private-windows', family: 'chrome' },
        { kind: 'host-access', origins: ['*://instagram.com/*'] },
      ],
    });
    const region = screen.getByRole('region', { name: 'Protection' });
    expect(region.textContent).toContain('No profiles listed yet');
    expect(region.textContent).toContain('"Allow in Incognito"');
    expect(region.textContent).toContain('Site access is switched off');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access again' }));
    expect(props.onRestoreAccess).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Add a profile' }));
    expect(props.onSettings).toHaveBeenCalledTimes(1);
  });
});

describe('"They reached out" and the other ways to turn back', () => {
  it('logs their contact with the channel and what it was like, then shows guidance that fits', async () => {
    const { props } = renderPopup();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'They reached out' })));
    expect(screen.getByText('Logging it never changes your count.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('How did they reach out?'), {
      target: { value: 'message' },
    });
    fireEvent.click(screen.getByLabelText('They keep asking what is going on'));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: /^Log/ })));
    expect(props.onReachedOut).toHaveBeenCalledWith({
      channel: 'message',
      gist: 'asking-why',
      note: undefined,
    });
    expect(screen.getByText('One short, calm answer is enough')).toBeTruthy();
    // A reply can be logged either way; the popup passes the choice on.
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log my reply as necessary contact' })),
    );
    expect(props.onReply).toHaveBeenCalledWith('necessary-contact');
    expect(screen.getByText('Logged as necessary contact. Your count goes on.')).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Back to my count' })));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('3');
  });

  it('a clear wish to get back together offers ending the plan in the options', async () => {
    const { props } = renderPopup();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'They reached out' })));
    fireEvent.change(screen.getByLabelText('How did they reach out?'), {
      target: { value: 'call' },
    });
    fireEvent.click(screen.getByLabelText('They clearly asked to get back together'));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: /^Log/ })));
    await settle(() =>
      fireEvent.click(
        screen.getByRole('button', { name: 'End the plan: they asked to get back together' }),
      ),
    );
    expect(props.onEndPlan).toHaveBeenCalledOnce();
  });

  it('"Write it here instead" opens the drafts box', () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Write it here instead' }));
    expect(props.onDrafts).toHaveBeenCalledOnce();
  });

  it('never scores the signs it is working: they are a checklist', () => {
    renderPopup({ summary: { ...summaryFixture(), signsNoticed: 2 } });
    expect(stat('Signs it is working')).toBeNull();
    expect(document.body.textContent).not.toMatch(/of 5|noticed/);
  });

  it('"They reached out" takes three clicks for a message: open, what it was like, log', async () => {
    const { props } = renderPopup();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'They reached out' })));
    fireEvent.click(screen.getByLabelText('Something else'));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: /^Log/ })));
    expect(props.onReachedOut).toHaveBeenCalledWith({
      channel: 'message',
      gist: 'other',
      note: undefined,
    });
  });
});

describe('the end of a plan', () => {
  it('an ended plan is its own state: when, after how long, why, and what it means for the purpose', () => {
    const { props } = renderPopup({
      summary: {
        ...summaryFixture(),
        status: { kind: 'no-plan' },
        currentStreak: null,
        endedPlan: { on: '2027-01-12', days: 34, reason: 'goal-reached' },
      },
      purpose: 'move-on',
    });
    const h = screen.getByRole('heading', { level: 1 }).textContent ?? '';
    expect(h).toMatch(/^Your plan ended on .*12.* after 34 days$/);
    expect(document.body.textContent).toContain('Why it ended: goal reached.');
    expect(document.body.textContent).toContain('What you built in these days stays with you');
    // That the profiles stay blocked is said once, not in both the reason and the purpose.
    expect(document.body.textContent.split('stay blocked until you remove them')).toHaveLength(2);
    expect(document.body.textContent).not.toMatch(/not set up yet/);
    fireEvent.click(screen.getByRole('button', { name: 'Start a new plan' }));
    expect(props.onSettings).toHaveBeenCalledOnce();
  });

  it('on the goal day it says what comes next for the purpose, with the choices', () => {
    const base = summaryFixture();
    const { props } = renderPopup({
      summary: {
        ...base,
        status: { kind: 'running', day: 30, goalDays: 30, daysToGo: 0, goalReached: true },
      },
      purpose: 'reconnect',
      onEndAtGoal: vi.fn(),
    });
    expect(document.body.textContent).toContain('The method leaves what comes next to you');
    fireEvent.click(screen.getByRole('button', { name: 'End the plan' }));
    expect(props.onEndAtGoal).toHaveBeenCalledOnce();
  });
});

describe('logging something that happened earlier', () => {
  it('a slip dated yesterday passes the checked time on', async () => {
    const check = vi.fn(() => ({ ok: true as const, at: 1_000 }));
    const { props } = renderPopup({ when: { check, defaultTime: '21:30', today: '2026-03-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'I slipped...' }));
    fireEvent.click(screen.getByLabelText('I sent a message'));
    fireEvent.click(screen.getByLabelText('Yesterday'));
    expect(screen.getByLabelText<HTMLInputElement>('Time').value).toBe('21:30');
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log it and start again' })),
    );
    expect(check).toHaveBeenCalledWith({ kind: 'yesterday', time: '21:30' });
    expect(props.onSlip).toHaveBeenCalledWith('message', '', 1_000);
  });

  it('a refused time is said in plain words, and nothing is logged', async () => {
    const check = vi.fn(() => ({ ok: false as const, error: 'That is before your plan.' }));
    const { props } = renderPopup({ when: { check, defaultTime: '21:30', today: '2026-03-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'I slipped...' }));
    fireEvent.click(screen.getByLabelText('I called'));
    fireEvent.click(screen.getByLabelText('Another day'));
    fireEvent.input(screen.getByLabelText('Day'), { target: { value: '2020-01-01' } });
    await settle(() =>
      fireEvent.click(screen.getByRole('button', { name: 'Log it and start again' })),
    );
    expect(screen.getByRole('alert').textContent).toBe('That is before your plan.');
    expect(props.onSlip).not.toHaveBeenCalled();
  });
});

describe('"I had necessary contact"', () => {
  it('asks what it was about, logs it with the topic, and says the count goes on', async () => {
    const { props } = renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'I had necessary contact' }));
    for (const label of ['Children', 'Home or belongings', 'Work'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Log it' })));
    expect(screen.getByRole('alert').textContent).toBe('Choose what it was about first.');
    expect(props.onNecessary).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Children'));
    await settle(() => fireEvent.click(screen.getByRole('button', { name: 'Log it' })));
    expect(props.onNecessary).toHaveBeenCalledWith('children', '');
    expect(screen.getByText(/Your count goes on/).textContent).toMatch(/short and practical/);
  });
});

describe('before the numbers arrive', () => {
  it("paints the badge's day at once, and the page says it is still loading", () => {
    renderPopup({ summary: null, earlyDay: { day: 12, goalDays: 30 } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day 12');
    expect(screen.getByText('of 30')).toBeTruthy();
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    // Nothing to act on until the real numbers are in.
    expect(screen.queryByRole('button', { name: 'I had an urge' })).toBeNull();
  });

  it('shows no day when the log could not be read, even with a badge', () => {
    renderPopup({ summary: null, failed: true, earlyDay: { day: 12, goalDays: 30 } });
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});

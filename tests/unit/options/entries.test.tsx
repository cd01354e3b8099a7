// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardFor } from '@/components/interstitial/cards';
import { DraftsBox } from '@/components/options/DraftsBox';
import { EndPlanForm } from '@/components/options/EndPlanForm';
import { IfThenEditor } from '@/components/options/IfThenEditor';
import { ReachedOutForm } from '@/components/ReachedOutForm';
import { SignsChecklist } from '@/components/options/SignsChecklist';
import type { Draft } from '@/lib/drafts';
import type { IfThenPlan } from '@/lib/settings';

afterEach(cleanup);
const TODAY = '2026-03-14';

describe('ReachedOutForm', () => {
  it('asks for what is missing, then logs and shows the guidance that fits', async () => {
    const onLog = vi.fn(() => Promise.resolve());
    const onReply = vi.fn(() => Promise.resolve('Logged as necessary contact.'));
    render(<ReachedOutForm onLog={onLog} onReply={onReply} />);
    // A message is chosen already (the common case); emptied, it is asked for.
    expect(screen.getByLabelText<HTMLSelectElement>('How did they reach out?').value).toBe(
      'message',
    );
    fireEvent.change(screen.getByLabelText('How did they reach out?'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByText('Choose how they reached out.');
    expect(screen.getByText('Choose what it was like, so the guidance fits.')).toBeTruthy();
    expect(onLog).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('How did they reach out?'), {
      target: { value: 'message' },
    });
    fireEvent.click(screen.getByLabelText('They keep asking what is going on'));
    fireEvent.input(screen.getByLabelText('A note for yourself (optional)'), {
      target: { value: ' Third text this week ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByRole('heading', { name: 'One short, calm answer is enough' });
    expect(onLog).toHaveBeenCalledWith({
      channel: 'message',
      gist: 'asking-why',
      note: 'Third text this week',
    });
    expect(screen.getByText(/never restarts it/)).toBeTruthy();
    expect(screen.getByText(/Necessary contact is a brief reply/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log my reply as necessary contact' }));
    await screen.findByText('Logged as necessary contact.');
    expect(onReply).toHaveBeenCalledWith('necessary-contact');
  });

  it.each([
    ['Mixed signals: “I miss you”, “let’s meet and talk”', 'Keep going', false],
    ['They are angry or hurt about the silence', 'Let it be for now', true],
    ['They clearly asked to get back together', 'Take a day before you answer', true],
  ])('%s -> "%s"', async (label, heading, reply) => {
    render(<ReachedOutForm onLog={() => Promise.resolve()} onReply={() => Promise.resolve('')} />);
    fireEvent.change(screen.getByLabelText('How did they reach out?'), {
      target: { value: 'call' },
    });
    fireEvent.click(screen.getByLabelText(label));
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByRole('heading', { name: heading });
    const endLink = screen.queryByRole('link', { name: /End the plan/ });
    expect(endLink !== null).toBe(heading === 'Take a day before you answer');
    // No reply buttons for mixed signals: the advice is not to answer.
    expect(
      screen.queryByRole('button', { name: 'Log my reply as necessary contact' }) !== null,
    ).toBe(reply);
  });

  it('angry contact: a short calm reply is suggested once the log shows it keeps happening', async () => {
    render(
      <ReachedOutForm
        onLog={() => Promise.resolve({ angryReports: 3 })}
        onReply={() => Promise.resolve('')}
      />,
    );
    fireEvent.click(screen.getByLabelText('They are angry or hurt about the silence'));
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByRole('heading', {
      name: 'It keeps happening: a short, calm reply can be right',
    });
  });

  it('"they asked to get back together" follows the purpose, leads to ending with that reason, and says the limits', async () => {
    render(
      <ReachedOutForm
        onLog={() => Promise.resolve()}
        onReply={() => Promise.resolve('')}
        purpose="reconnect"
        endPlanHref="/options.html?end=reconciled#plan"
      />,
    );
    fireEvent.click(screen.getByLabelText('They clearly asked to get back together'));
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByRole('heading', { name: 'A clear wish to get back together' });
    expect(screen.getByText(/over-eager/)).toBeTruthy();
    expect(screen.getByText(/not an overnight fix/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /End the plan/ }).getAttribute('href')).toBe(
      '/options.html?end=reconciled#plan',
    );
  });

  it('says why it could not log, and keeps what was typed', async () => {
    render(
      <ReachedOutForm
        onLog={() => Promise.reject(new Error('This could not be logged just now.'))}
        onReply={() => Promise.resolve('')}
      />,
    );
    fireEvent.change(screen.getByLabelText('How did they reach out?'), {
      target: { value: 'call' },
    });
    fireEvent.click(screen.getByLabelText('Something else'));
    fireEvent.click(screen.getByRole('button', { name: 'Log that they reached out' }));
    await screen.findByText('This could not be logged just now.');
    expect(screen.getByLabelText<HTMLSelectElement>('How did they reach out?').value).toBe('call');
  });
});

describe('SignsChecklist', () => {
  it('says none is normal, ticks with today, changes the day, refuses a future day, unticks', async () => {
    const onSet = vi.fn(() => Promise.resolve());
    const { rerender } = render(<SignsChecklist signs={[]} today={TODAY} onSet={onSet} />);
    expect(screen.getByText(/Seeing none of these is normal/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('They seem to be trying to make you jealous'));
    await waitFor(() => expect(onSet).toHaveBeenCalledWith('making-jealous', TODAY));
    const row = { sign: 'making-jealous' as const, noticedOn: TODAY, recordedAt: 1 };
    rerender(<SignsChecklist signs={[row]} today={TODAY} onSet={onSet} />);
    expect(screen.getByText('1 of 5 noticed so far.')).toBeTruthy();
    const day = screen.getByLabelText(/Day noticed/);
    fireEvent.change(day, { target: { value: '2026-03-20' } });
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(onSet).toHaveBeenCalledTimes(1);
    fireEvent.change(day, { target: { value: '2026-03-02' } });
    await waitFor(() => expect(onSet).toHaveBeenCalledWith('making-jealous', '2026-03-02'));
    fireEvent.click(screen.getByLabelText('They seem to be trying to make you jealous'));
    await waitFor(() => expect(onSet).toHaveBeenCalledWith('making-jealous', null));
  });
});

describe('DraftsBox', () => {
  const drafts: Draft[] = [
    {
      id: 'b',
      text: 'Newer words',
      time: Date.parse('2026-03-14T10:00:00Z'),
      localDate: TODAY,
      timeZone: 'UTC',
    },
    {
      id: 'a',
      text: 'Older words',
      time: Date.parse('2026-03-13T10:00:00Z'),
      localDate: '2026-03-13',
      timeZone: 'UTC',
    },
  ];

  it('refuses an empty draft in words, keeps one with a stable id, and says nothing was sent', async () => {
    const onSave = vi.fn((_id: string, _t: string) => Promise.resolve());
    let n = 0;
    render(
      <DraftsBox
        drafts={[]}
        onSave={onSave}
        onDelete={() => Promise.resolve()}
        newId={() => `id${++n}`}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep it here' }));
    await screen.findByText(/nothing to keep yet/);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('What you want to tell them'), {
      target: { value: 'I miss you.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Keep it here' }));
    await screen.findByText(/Nothing was sent/);
    expect(onSave).toHaveBeenCalledWith('id1', 'I miss you.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('What you want to tell them').value).toBe('');
  });

  it('lists drafts to reread, and deletes one only after asking', async () => {
    const onDelete = vi.fn((_id: string) => Promise.resolve());
    render(<DraftsBox drafts={drafts} onSave={() => Promise.resolve()} onDelete={onDelete} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Newer words');
    expect(items[1]!.textContent).toContain('Older words');
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete the draft from/ })[1]!);
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith('a'));
  });
});

describe('IfThenEditor', () => {
  it('says which half is missing, adds a plan without repeating the form’s words, removes one', async () => {
    const onChange = vi.fn((_p: IfThenPlan[]) => Promise.resolve());
    const plans = [{ when: 'text them', then: 'go for a walk' }];
    render(<IfThenEditor plans={plans} onChange={onChange} />);
    expect(screen.getByText('If I want to text them, then I will go for a walk.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('If I want to…'), {
      target: { value: 'If I want to look at their profile' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add plan' }));
    await screen.findByText(/Write what you will do instead/);
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('then I will…'), {
      target: { value: 'I will call my sister.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add plan' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith([
        ...plans,
        { when: 'look at their profile', then: 'call my sister' },
      ]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove plan 1' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([]));
  });
});

describe('IfThenEditor: changing a plan in place', () => {
  const plans = [
    { when: 'text them', then: 'go for a walk' },
    { when: 'look at their profile', then: 'call my sister' },
  ];

  it('fills the form with the plan, saves it in its place, and adds again afterwards', async () => {
    const onChange = vi.fn((_p: IfThenPlan[]) => Promise.resolve());
    render(<IfThenEditor plans={plans} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit if-then plan 2' }));
    const when = screen.getByLabelText<HTMLInputElement>('If I want to…');
    expect(when.value).toBe('look at their profile');
    expect(screen.getByLabelText<HTMLInputElement>('then I will…').value).toBe('call my sister');
    expect(screen.queryByRole('button', { name: 'Add plan' })).toBeNull();
    fireEvent.input(screen.getByLabelText('then I will…'), { target: { value: 'write it down' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan 2' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith([
        plans[0],
        { when: 'look at their profile', then: 'write it down' },
      ]),
    );
    await screen.findByText('Plan saved.');
    expect(when.value).toBe('');
    expect(screen.getByRole('button', { name: 'Add plan' })).toBeTruthy();
  });

  it('refuses a change that repeats another plan, and Cancel leaves everything as it was', async () => {
    const onChange = vi.fn((_p: IfThenPlan[]) => Promise.resolve());
    render(<IfThenEditor plans={plans} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit if-then plan 2' }));
    fireEvent.input(screen.getByLabelText('If I want to…'), { target: { value: 'Text them' } });
    fireEvent.input(screen.getByLabelText('then I will…'), { target: { value: 'go for a walk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save plan 2' }));
    await screen.findByRole('alert');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the change' }));
    expect(screen.getByLabelText<HTMLInputElement>('If I want to…').value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('saving a plan unchanged is not a repeat of itself', async () => {
    const onChange = vi.fn((_p: IfThenPlan[]) => Promise.resolve());
    render(<IfThenEditor plans={plans} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit if-then plan 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save plan 1' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(plans));
  });
});

describe('EndPlanForm', () => {
  it('offers the three reasons and says when ending takes effect', async () => {
    const onEnd = vi.fn(() => Promise.resolve('Ended.'));
    const { rerender } = render(<EndPlanForm waiting={false} goalReached={false} onEnd={onEnd} />);
    const select = screen.getByLabelText<HTMLSelectElement>('Why end it?');
    expect([...select.options].map((o) => o.value)).toEqual([
      'goal-reached',
      'reconciled',
      'decided-to-stop',
    ]);
    expect(screen.getByText(/takes effect 24 hours after you ask/)).toBeTruthy();
    rerender(<EndPlanForm waiting={false} goalReached onEnd={onEnd} />);
    expect(screen.getByText(/You have reached your goal day/)).toBeTruthy();
    fireEvent.change(select, { target: { value: 'reconciled' } });
    fireEvent.click(screen.getByRole('button', { name: 'End the plan' }));
    await screen.findByText('Ended.');
    expect(onEnd).toHaveBeenCalledWith('reconciled');
  });
});

describe('the blocked page’s card uses the person’s own if-then plans', () => {
  it('shows their plans in the if-then turn, the suggested ones only without', () => {
    const own = [{ when: 'look', then: 'breathe' }];
    const ifThenTurn = 1; // ['why', 'if-then'] without reasons
    expect(cardFor(ifThenTurn, [], own)).toEqual({
      kind: 'if-then',
      title: 'Your plan for this moment',
      text: 'If I want to look, then I will breathe.',
    });
    expect(cardFor(ifThenTurn, []).title).toBe('A plan for this moment');
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrictionForm } from '@/components/options/FrictionForm';
import { PlanForm, type PlanValues } from '@/components/options/PlanForm';
import { ReasonsEditor } from '@/components/options/ReasonsEditor';
import { DEFAULT_FRICTION, type Friction } from '@/lib/settings';

const TODAY = '2026-03-14';

afterEach(cleanup);

/** The message a field points at through aria-describedby. */
function noteOf(field: HTMLElement): string {
  const id = field.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  return document.getElementById(id!)?.textContent ?? '';
}

function input(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('PlanForm', () => {
  function setup(onSave = vi.fn((_v: PlanValues) => Promise.resolve('Saved.'))) {
    render(<PlanForm plan={null} today={TODAY} onSave={onSave} />);
    return {
      onSave,
      submit: () => fireEvent.click(screen.getByRole('button', { name: 'Save plan' })),
    };
  }

  it('starts on today with a 30-day goal', () => {
    setup();
    expect(screen.getByLabelText<HTMLInputElement>('Start date').value).toBe(TODAY);
    expect(screen.getByLabelText<HTMLInputElement>('Goal (days)').value).toBe('30');
  });

  it.each([
    ['', 'Enter the day No Contact started'],
    ['2028-03-15', 'more than 366 days ahead'],
    ['1999-12-31', 'in the year 2000 or later'],
  ])('start date %j: says what to do beside the field, saves nothing', async (value, message) => {
    const { onSave, submit } = setup();
    input('Start date', value);
    submit();
    const field = screen.getByLabelText('Start date');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain(message);
    expect(onSave).not.toHaveBeenCalled();
  });

  it.each([
    ['', 'Enter the number of days'],
    ['0', 'from 1 to 3650'],
    ['3651', 'from 1 to 3650'],
    ['12.5', 'without decimals'],
  ])('goal %j: says what to do beside the field, saves nothing', async (value, message) => {
    const { onSave, submit } = setup();
    input('Goal (days)', value);
    submit();
    const field = screen.getByLabelText('Goal (days)');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain(message);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('one bad field keeps the other, good one from being saved too', async () => {
    const { onSave, submit } = setup();
    input('Start date', '2026-03-01');
    input('Goal (days)', '-3');
    submit();
    await waitFor(() =>
      expect(screen.getByLabelText('Goal (days)').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getByLabelText('Start date').getAttribute('aria-invalid')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves good values and says so; typing again clears the error', async () => {
    const { onSave, submit } = setup();
    input('Goal (days)', 'x');
    submit();
    await waitFor(() =>
      expect(screen.getByLabelText('Goal (days)').getAttribute('aria-invalid')).toBe('true'),
    );
    input('Goal (days)', '45');
    expect(screen.getByLabelText('Goal (days)').getAttribute('aria-invalid')).toBeNull();
    input('Start date', '2026-03-10');
    fireEvent.click(screen.getByLabelText('Looking at a listed profile restarts my count'));
    submit();
    await screen.findByText('Saved.');
    expect(onSave).toHaveBeenCalledWith({
      startDate: '2026-03-10',
      goalDays: 45,
      looksRestart: false,
      taper: false,
    });
  });

  it('a taper moves day 1 a week ahead when it is not ahead, and is saved with the plan', async () => {
    const { onSave, submit } = setup();
    fireEvent.click(screen.getByLabelText('Taper off first (about a week)'));
    expect(screen.getByLabelText<HTMLInputElement>('Start date').value).toBe('2026-03-21');
    submit();
    await screen.findByText('Saved.');
    expect(onSave).toHaveBeenCalledWith({
      startDate: '2026-03-21',
      goalDays: 30,
      looksRestart: true,
      taper: true,
    });
  });

  it('a taper keeps a start already ahead, and refuses a start of today in plain words', async () => {
    const { onSave, submit } = setup();
    input('Start date', '2026-03-17');
    fireEvent.click(screen.getByLabelText('Taper off first (about a week)'));
    expect(screen.getByLabelText<HTMLInputElement>('Start date').value).toBe('2026-03-17');
    input('Start date', TODAY);
    submit();
    const field = screen.getByLabelText('Start date');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain('A taper needs day 1 to be a later day than today');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('a failed save shows its message', async () => {
    const { submit } = setup(
      vi.fn(() => Promise.reject(new Error('Could not save. Nothing was changed.'))),
    );
    submit();
    await screen.findByText('Could not save. Nothing was changed.');
  });
});

describe('FrictionForm', () => {
  function setup(friction: Friction = DEFAULT_FRICTION) {
    const onSave = vi.fn((_f: Friction) => Promise.resolve('Saved.'));
    render(<FrictionForm friction={friction} onSave={onSave} />);
    return {
      onSave,
      submit: () => fireEvent.click(screen.getByRole('button', { name: 'Save pause and phrase' })),
    };
  }

  it.each([
    ['Pause before Continue (seconds)', '61', 'from 0 to 60'],
    ['Pause before Continue (seconds)', '-1', 'without decimals'],
    ['Pause before Continue (seconds)', '2.5', 'without decimals'],
    ['Pause before Continue (seconds)', '', 'Enter the pause in seconds'],
    ['Continue lets me in for (minutes)', '0', 'from 1 to 60'],
    ['Continue lets me in for (minutes)', '90', 'from 1 to 60'],
  ])('%s = %j: message beside the field, nothing saved', async (label, value, message) => {
    const { onSave, submit } = setup();
    input(label, value);
    submit();
    const field = screen.getByLabelText(label);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain(message);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('passes the whole friction on, 0 seconds included', async () => {
    const { onSave, submit } = setup();
    input('Pause before Continue (seconds)', '0');
    fireEvent.click(screen.getByLabelText('Ask me to type a short phrase before Continue'));
    submit();
    await screen.findByText('Saved.');
    expect(onSave).toHaveBeenCalledWith({
      pauseSeconds: 0,
      phraseRequired: false,
      allowMinutes: 10,
    });
  });
});

describe('ReasonsEditor', () => {
  function setup(reasons: string[] = ['I deserve calm evenings.'], fail = false) {
    const onChange = vi.fn((_r: string[]) =>
      fail ? Promise.reject(new Error('Your reasons could not be saved.')) : Promise.resolve(),
    );
    render(<ReasonsEditor reasons={reasons} onChange={onChange} />);
    return {
      onChange,
      add: () => fireEvent.click(screen.getByRole('button', { name: 'Add reason' })),
    };
  }

  it.each([
    ['   ', 'Write a few words first.'],
    ['x'.repeat(301), 'Keep it under 300 characters'],
    ['i deserve calm evenings.', 'already on your list'],
  ])('%j is refused beside the field', async (value, message) => {
    const { onChange, add } = setup();
    input('A reason to keep going', value);
    add();
    const field = screen.getByLabelText('A reason to keep going');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain(message);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses a 21st reason', async () => {
    const { onChange, add } = setup(Array.from({ length: 20 }, (_, i) => `Reason ${i}`));
    input('A reason to keep going', 'One more');
    add();
    await waitFor(() =>
      expect(noteOf(screen.getByLabelText('A reason to keep going'))).toContain(
        'Edit or remove one',
      ),
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('adds, tidied; edits in place; removes', async () => {
    const { onChange, add } = setup();
    input('A reason to keep going', '  I want   my sleep back.  ');
    add();
    await screen.findByText('Reason added.');
    expect(onChange).toHaveBeenLastCalledWith([
      'I deserve calm evenings.',
      'I want my sleep back.',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Edit reason 1' }));
    input('Edit reason 1', '');
    fireEvent.click(screen.getByRole('button', { name: 'Save reason' }));
    await waitFor(() =>
      expect(noteOf(screen.getByLabelText('Edit reason 1'))).toContain('Write a few words'),
    );
    input('Edit reason 1', 'I deserve quiet evenings.');
    fireEvent.click(screen.getByRole('button', { name: 'Save reason' }));
    await screen.findByText('Reason saved.');
    expect(onChange).toHaveBeenLastCalledWith(['I deserve quiet evenings.']);

    fireEvent.click(screen.getByRole('button', { name: 'Remove reason 1' }));
    await screen.findByText('Reason removed.');
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('a failed save keeps the text and says so', async () => {
    const { add } = setup([], true);
    input('A reason to keep going', 'For me.');
    add();
    await screen.findByText('Your reasons could not be saved.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('A reason to keep going').value).toBe(
      'For me.',
    );
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfileForm, type AddOutcome } from '@/components/options/ProfileForm';
import { Warnings } from '@/components/options/Warnings';
import type { Profile, ProfileMode, Recognised } from '@/lib/profiles/types';
import { fitsBrowser, ruleNeeds } from '@/lib/rules/budget';
import { listed } from '../profiles/fixtures';

afterEach(cleanup);

const handle = (i: number) => `jamie.doe.${String(i).padStart(5, '0')}x`;
const instagram = (n: number): Profile[] =>
  Array.from({ length: n }, (_, i) => listed(`https://www.instagram.com/${handle(i)}/`));

/** The longest such list that still fits: one more profile does not. */
function atLimit(): Profile[] {
  let lo = 1;
  let hi = 4000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fitsBrowser(ruleNeeds(instagram(mid)))) lo = mid + 1;
    else hi = mid;
  }
  return instagram(lo - 1);
}

function noteOf(field: HTMLElement): string {
  return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

function setup(profiles: Profile[], outcome: AddOutcome = { added: true, blocked: true }) {
  const onAdd = vi.fn((_p: Recognised, _m: ProfileMode) => Promise.resolve(outcome));
  render(<ProfileForm profiles={profiles} onAdd={onAdd} />);
  const field = screen.getByLabelText('Profile address');
  return {
    onAdd,
    field,
    type: (v: string) => fireEvent.input(field, { target: { value: v } }),
    submit: () => fireEvent.click(screen.getByRole('button', { name: 'Add profile' })),
    status: () => screen.getByRole('status'),
  };
}

describe("ProfileForm and the browser's rule limit", () => {
  it('refuses a profile that would pass the limit, before anything is saved', async () => {
    const list = atLimit();
    const { field, type, submit, onAdd } = setup(list);
    type(`https://www.instagram.com/${handle(list.length)}/`);
    submit();
    await waitFor(() => expect(noteOf(field)).toContain('can block only so many profiles'));
    expect(noteOf(field)).toContain(`your list of ${list.length}`);
    expect(noteOf(field)).toContain('Remove profiles you no longer need');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('says "blocked from now on" only when the check found it blocked', async () => {
    const { type, submit, status } = setup([]);
    type('https://www.instagram.com/jamie.doe/');
    submit();
    await waitFor(() =>
      expect(status().textContent).toBe('Added Instagram · @jamie.doe. It is blocked from now on.'),
    );
  });

  it('tells the truth when the browser refused the rules', async () => {
    const { type, submit, status, field } = setup([], { added: true, blocked: false });
    type('https://www.instagram.com/jamie.doe/');
    submit();
    await waitFor(() => expect(status().textContent).toContain('did not accept the rules'));
    expect(status().textContent).not.toContain('blocked from now on');
    expect(status().textContent).toContain('Added Instagram · @jamie.doe to your list');
    expect(status().className).toBe('error');
    // It was added: the field is ready for the next address.
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('says it could not confirm when the check did not come', async () => {
    const { type, submit, status } = setup([], { added: true, blocked: null });
    type('https://www.instagram.com/jamie.doe/');
    submit();
    await waitFor(() => expect(status().textContent).toContain('could not yet check'));
    expect(status().textContent).not.toContain('blocked from now on');
  });

  it('shows the reason when the add path refused it (the stored list was already full)', async () => {
    const { type, submit, field } = setup([], { added: false, error: 'Not added: limit.' });
    type('https://www.instagram.com/jamie.doe/');
    submit();
    await waitFor(() => expect(noteOf(field)).toBe('Not added: limit.'));
  });
});

describe('Warnings: profiles not blocked right now', () => {
  it('names them and says what to do', () => {
    render(
      <Warnings
        weaknesses={[
          {
            kind: 'not-blocked',
            profileIds: ['a', 'b', 'c', 'd'],
            names: ['Instagram · @a', 'Instagram · @b', 'Instagram · @c', 'Instagram · @d'],
          },
        ]}
        onGrantAccess={vi.fn()}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain(
      'Some listed profiles are not blocked right now: Instagram · @a, Instagram · @b, Instagram · @c and 1 more.',
    );
    expect(text).toContain('remove profiles you no longer need');
  });
});

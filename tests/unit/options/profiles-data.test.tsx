// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, type CheckResult } from '@/components/options/DataPanel';
import { PendingList } from '@/components/options/PendingList';
import { ProfileForm, type AddOutcome } from '@/components/options/ProfileForm';
import { ProfileList } from '@/components/options/ProfileList';
import type { Profile, ProfileMode, Recognised } from '@/lib/profiles/types';
import type { PendingChange } from '@/lib/settings';
import type { Waits } from '@/lib/backup';
import { formatMoment } from '@/lib/format-date';

afterEach(cleanup);

const jamie: Profile = {
  id: 'instagram:jamie.doe',
  platform: 'instagram',
  key: 'jamie.doe',
  display: 'Instagram · @jamie.doe',
  url: 'https://www.instagram.com/jamie.doe/',
  mode: 'block',
  addedAt: 1,
};

function noteOf(field: HTMLElement): string {
  return document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

describe('ProfileForm', () => {
  function setup(profiles: Profile[] = [], result: AddOutcome = { added: true, blocked: true }) {
    const onAdd = vi.fn((_p: Recognised, _m: ProfileMode) => Promise.resolve(result));
    render(<ProfileForm profiles={profiles} onAdd={onAdd} />);
    const field = screen.getByLabelText('Profile address');
    return {
      onAdd,
      field,
      type: (v: string) => fireEvent.input(field, { target: { value: v } }),
      submit: () => fireEvent.click(screen.getByRole('button', { name: 'Add profile' })),
    };
  }

  it('recognises the profile as it is typed', () => {
    const { field, type } = setup();
    type('instagram.com/Jamie.Doe?igsh=abc');
    expect(noteOf(field)).toBe('Instagram · @jamie.doe');
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it.each([
    ['https://www.instagram.com/explore/', "anyone's profile"],
    ['mailto:jamie@example.com', 'Only web addresses'],
    ['jamie', 'not a web address'],
  ])('%j shows why it cannot be listed, beside the field', (text, why) => {
    const { field, type, submit, onAdd } = setup();
    type(text);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(noteOf(field)).toContain(why);
    submit();
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('an empty field asks for an address', async () => {
    const { field, submit, onAdd } = setup();
    submit();
    await waitFor(() => expect(noteOf(field)).toContain('Paste the address'));
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('refuses a profile already listed, naming it', () => {
    const { field, type } = setup([jamie]);
    type('https://m.instagram.com/JAMIE.DOE/reels/');
    expect(noteOf(field)).toContain('already on your list');
  });

  it('adds a conversation with the chosen mode, calling onAdd within the click itself', () => {
    const { type, submit, onAdd } = setup();
    type('https://www.messenger.com/t/co.parent');
    fireEvent.click(screen.getByLabelText(/Modified No Contact/));
    submit();
    // Synchronously: a permission prompt opened by onAdd still counts as the person's click.
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd.mock.calls[0]![0]).toMatchObject({ id: 'messenger:co.parent' });
    expect(onAdd.mock.calls[0]![1]).toBe('modified');
  });

  it('a profile is never offered as Modified: it is added blocked', () => {
    const { type, submit, onAdd } = setup();
    type('https://www.instagram.com/jamie.doe/');
    expect(screen.queryByLabelText(/Modified No Contact/)).toBeNull();
    submit();
    expect(onAdd.mock.calls[0]![1]).toBe('block');
  });

  it('an unknown site offers a custom entry and needs a choice first', async () => {
    const { field, type, submit, onAdd } = setup();
    type('https://forum.example.net/members/jamie');
    expect(screen.getByText(/List forum.example.net as a custom entry/)).toBeTruthy();
    submit();
    await waitFor(() => expect(noteOf(field)).toContain('Choose one of the two options'));
    expect(onAdd).not.toHaveBeenCalled();

    fireEvent.click(screen.getByLabelText('Only this address and everything under it'));
    expect(noteOf(field)).toBe('Custom · forum.example.net/members/jamie');
    submit();
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd.mock.calls[0]![0]).toMatchObject({
      platform: 'custom',
      key: 'path:forum.example.net/members/jamie',
    });
  });

  it('a refused permission shows its message and keeps what was typed', async () => {
    const { field, type, submit } = setup([], {
      added: false,
      error: 'No Contact needs your permission. Nothing was added.',
    });
    type('https://example.net/');
    fireEvent.click(screen.getByLabelText('The whole site, with its subdomains'));
    submit();
    await waitFor(() =>
      expect(noteOf(field)).toBe('No Contact needs your permission. Nothing was added.'),
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((field as HTMLInputElement).value).toBe('https://example.net/');
  });
});

describe('ProfileList and PendingList', () => {
  const removal: PendingChange = {
    id: 'p1',
    change: { kind: 'remove-profile', profileId: jamie.id },
    requestedAt: Date.parse('2026-03-14T10:00:00Z'),
    dueAt: Date.parse('2026-03-15T10:00:00Z'),
  };

  it('a profile waiting for removal stays listed, says when, and offers no second removal', () => {
    const onRemove = vi.fn();
    render(
      <ProfileList
        profiles={[jamie]}
        pending={[removal]}
        onRemove={onRemove}
        onSetMode={vi.fn()}
      />,
    );
    const item = screen.getByRole('list', { name: 'Listed profiles' });
    expect(item.textContent).toContain('Instagram · @jamie.doe');
    expect(item.textContent).toContain('Will be removed on');
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('the waiting list describes the change and cancels it', () => {
    const onCancel = vi.fn();
    render(<PendingList pending={[removal]} profiles={[jamie]} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel: Remove Instagram · @jamie.doe' }));
    expect(onCancel).toHaveBeenCalledWith('p1');
    expect(
      screen
        .getByRole('list', { name: 'Waiting changes' })
        .querySelector('time')
        ?.getAttribute('datetime'),
    ).toBe('2026-03-15T10:00:00.000Z');
  });
});

describe('DataPanel', () => {
  const nothingWaits: Waits = { removals: [], toModified: [], friction: null, planEnd: null };
  const preview: CheckResult = {
    ok: true,
    preview: {
      plan: { startDate: '2026-03-01', goalDays: 30, looksRestart: true },
      profiles: 2,
      events: 17,
      drafts: 0,
      signs: 0,
      ifThen: 0,
      exportedAt: '2026-03-14T12:00:00.000Z',
    },
    waits: nothingWaits,
    access: null,
  };
  const DUE = Date.parse('2026-03-15T21:30:00Z');
  const jamie: Profile = {
    id: 'instagram:jamie.doe',
    platform: 'instagram',
    key: 'jamie.doe',
    display: 'Instagram · @jamie.doe',
    url: 'https://www.instagram.com/jamie.doe/',
    mode: 'block',
    addedAt: 1,
  };

  function setup(
    check: CheckResult = preview,
    deleteWaits: Waits = nothingWaits,
    access: boolean[] = [true],
  ) {
    const order: string[] = [];
    const props = {
      onExport: vi.fn(() => Promise.resolve({ text: '{}', filename: 'backup.json' })),
      onCheck: vi.fn((_t: string) => Promise.resolve(check)),
      onImport: vi.fn((_t: string) => {
        order.push('import');
        return Promise.resolve(null);
      }),
      onRequestAccess: vi.fn((_o: string[]) => {
        order.push('access');
        return Promise.resolve(access.shift() ?? false);
      }),
      deleteWaits: vi.fn(() => deleteWaits),
      onDeleteEverything: vi.fn(() => Promise.resolve(null)),
    };
    render(<DataPanel {...props} />);
    return { ...props, order };
  }

  const choose = (text: string) => {
    const input = screen.getByLabelText('Backup file');
    Object.defineProperty(input, 'files', {
      value: [new File([text], 'backup.json', { type: 'application/json' })],
      configurable: true,
    });
    fireEvent.change(input);
  };

  it('a file that is not a backup is refused beside the field; nothing is applied', async () => {
    const p = setup({
      ok: false,
      message: 'This file is not a No Contact backup. Nothing was changed.',
    });
    choose('{"x":1}');
    const field = screen.getByLabelText('Backup file');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain('not a No Contact backup');
    expect(p.onImport).not.toHaveBeenCalled();
  });

  it('shows a preview, and applies only after the confirmation', async () => {
    const p = setup();
    choose('{"backup":true}');
    await screen.findByText('In this backup');
    expect(p.onCheck).toHaveBeenCalledWith('{"backup":true}');
    expect(screen.getByText('2 profiles')).toBeTruthy();
    expect(screen.getByText('17 events')).toBeTruthy();
    expect(p.onImport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }));
    await screen.findByText(/^Imported\./);
    expect(p.onImport).toHaveBeenCalledWith('{"backup":true}');
  });

  it('deleting needs the typed word; anything else is refused beside the field', async () => {
    const p = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const field = screen.getByLabelText('Type “delete” to confirm');
    fireEvent.input(field, { target: { value: 'yes please' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(noteOf(field)).toContain('Type the word');
    expect(p.onDeleteEverything).not.toHaveBeenCalled();

    fireEvent.input(field, { target: { value: 'delete' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    await screen.findByText(/^Everything was deleted\./);
    expect(p.onDeleteEverything).toHaveBeenCalledTimes(1);
  });

  it('before anything changes, the preview says which profiles stay blocked for 24 hours, and why', async () => {
    const p = setup({
      ...preview,
      waits: {
        removals: [{ profile: jamie, dueAt: DUE }],
        toModified: [],
        friction: DUE,
        planEnd: DUE,
      },
    });
    choose('{"backup":true}');
    await screen.findByText('In this backup');
    const when = formatMoment(DUE);
    expect(
      screen.getByText(/lower your protection.*waits 24 hours.*cancel it under Waiting changes/),
    ).toBeTruthy();
    expect(
      screen.getByText(
        `Instagram · @jamie.doe stays blocked until ${when}, then comes off your list`,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(new RegExp(`pause and typed phrase stay as they are until ${when}`)),
    ).toBeTruthy();
    expect(
      screen.getByText(new RegExp(`plan keeps running until ${when}, then ends`)),
    ).toBeTruthy();
    expect(p.onImport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }));
    await screen.findByText(/^Imported\. What would lower your protection waits 24 hours/);
  });

  it('a backup whose custom sites this computer never allowed asks for them in the confirming click', async () => {
    const access = {
      sites: ['example.net'],
      origins: ['*://example.net/*', '*://*.example.net/*'],
    };
    const p = setup({ ...preview, access }, nothingWaits, [false, true]);
    choose('{"backup":true}');
    await screen.findByText(
      /This backup lists example\.net\. This browser has never let No Contact reach that/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }));
    // Asked within the click itself, before the import, which goes ahead either way.
    expect(p.onRequestAccess).toHaveBeenCalledWith(access.origins);
    await screen.findByText(/^Imported\. Everything here now comes from the backup\./);
    expect(p.order).toEqual(['access', 'import']);
    // Refused: said plainly, with a way to ask again.
    expect(
      screen.getByText(/can’t reach example\.net on this computer yet.*never given here/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to these sites' }));
    expect(p.onRequestAccess).toHaveBeenCalledTimes(2);
    await screen.findByText('Access given: example.net is blocked on this computer too now.');
    expect(screen.queryByRole('button', { name: 'Allow access to these sites' })).toBeNull();
  });

  it('with access already given, nothing is asked', async () => {
    const p = setup();
    choose('{"backup":true}');
    await screen.findByText('In this backup');
    fireEvent.click(screen.getByRole('button', { name: 'Replace everything with this backup' }));
    await screen.findByText(/^Imported\./);
    expect(p.onRequestAccess).not.toHaveBeenCalled();
    expect(screen.queryByText(/lower your protection/)).toBeNull();
  });

  it('the delete confirmation says the profiles stay blocked for 24 hours first, and why', async () => {
    const p = setup(preview, {
      removals: [{ profile: jamie, dueAt: DUE }],
      toModified: [],
      friction: null,
      planEnd: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    expect(p.deleteWaits).toHaveBeenCalledTimes(1);
    expect(
      screen.getByText(
        /deletes your plan, reasons, if-then plans, signs, drafts and your whole history/,
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(/profiles are not deleted at once.*lowers your protection.*24 hours first/),
    ).toBeTruthy();
    expect(
      screen.getByText(
        `Instagram · @jamie.doe stays blocked until ${formatMoment(DUE)}, then comes off your list`,
      ),
    ).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Type “delete” to confirm'), {
      target: { value: 'delete' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything now' }));
    await screen.findByText(
      /^Everything else was deleted\. Your profiles stay blocked until their removal/,
    );
  });
});

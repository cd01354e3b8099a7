// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuickAdded } from '@/components/popup/QuickAdded';
import type { QuickAddNote } from '@/lib/quick-add-note';

const added: QuickAddNote = {
  kind: 'added',
  at: 1,
  profileId: 'instagram:jamie.doe',
  addedAt: 1,
  name: { key: 'profileNamePlain', subs: ['Instagram', '@jamie.doe'] },
};

afterEach(cleanup);

describe('the popup’s note about a link added from the right-click menu', () => {
  it('says what was added and takes it back with Undo', async () => {
    const onUndo = vi.fn(() => Promise.resolve(null));
    render(<QuickAdded note={added} onUndo={onUndo} />);
    expect(screen.getByRole('complementary', { name: 'Added from a link' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain(
      'Added Instagram · @jamie.doe to your list. It is blocked from now on.',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      await Promise.resolve();
    });
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe(
      'Taken off your list again. Nothing else changed.',
    );
  });

  it('says why Undo was refused, and offers it no more', async () => {
    render(
      <QuickAdded
        note={added}
        onUndo={() => Promise.resolve({ key: 'quickAddUndoTooLate' as const })}
      />,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
      await Promise.resolve();
    });
    expect(screen.getByRole('status').textContent).toContain('the few minutes for it have passed');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says why a link was not added, with no Undo', () => {
    const note: QuickAddNote = {
      kind: 'refused',
      at: 1,
      why: { key: 'profileRefusedNotAProfile', subs: ['Instagram'] },
    };
    render(<QuickAdded note={note} onUndo={() => Promise.resolve(null)} />);
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toContain('That link was not added.');
    expect(text).toContain("This Instagram page isn't anyone's profile");
    expect(screen.queryByRole('button')).toBeNull();
  });
});

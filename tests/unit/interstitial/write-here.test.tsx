// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardFor } from '@/components/interstitial/cards';
import { Interstitial, type InterstitialProps } from '@/components/interstitial/Interstitial';
import { DEFAULT_FRICTION } from '@/lib/settings';
import { summaryFixture } from '../popup/summary-fixture';

afterEach(cleanup);

function renderPage(conversation: boolean, over: Partial<InterstitialProps> = {}) {
  const onWriteInstead = vi.fn();
  const onKeepDraft = vi.fn((_id: string, _text: string) => Promise.resolve());
  const onGoBack = vi.fn();
  render(
    <Interstitial
      target={{ kind: 'listed', platform: 'Instagram', conversation, mode: 'block' }}
      summary={summaryFixture()}
      friction={{ ...DEFAULT_FRICTION }}
      looksRestart
      card={cardFor(0, [])}
      onAnotherCard={vi.fn()}
      onGoBack={onGoBack}
      leaving={false}
      onContinue={vi.fn(() => Promise.resolve(null))}
      onSetup={vi.fn()}
      onWriteInstead={onWriteInstead}
      onKeepDraft={onKeepDraft}
      {...over}
    />,
  );
  return { onWriteInstead, onKeepDraft, onGoBack };
}

const writeButton = () => screen.getByRole('button', { name: 'Write it here instead' });
const backButton = () => screen.getByRole('button', { name: 'Go back' });

describe('"Write it here instead" on the blocked page', () => {
  it('is the main action for a conversation, first and focused, with what is at stake', () => {
    renderPage(true);
    expect(writeButton().classList.contains('primary')).toBe(true);
    expect(backButton().classList.contains('primary')).toBe(false);
    expect(document.activeElement).toBe(writeButton());
    const buttons = [...document.querySelectorAll('.choices button')].map((b) => b.textContent);
    expect(buttons.slice(0, 2)).toEqual(['Write it here instead', 'Go back']);
    expect(document.body.textContent).toContain('writing to them now starts your count again');
  });

  it('for a profile, going back stays the main action and writing comes second', () => {
    renderPage(false);
    expect(backButton().classList.contains('primary')).toBe(true);
    expect(writeButton().classList.contains('primary')).toBe(false);
    expect(document.activeElement).toBe(backButton());
    expect(document.body.textContent).not.toContain('writing to them now starts your count');
  });

  it('opens the drafts box in place, focused; the urge is counted; a draft is kept and said so', async () => {
    const { onWriteInstead, onKeepDraft } = renderPage(true);
    fireEvent.click(writeButton());
    expect(onWriteInstead).toHaveBeenCalledTimes(1);
    const field = screen.getByLabelText<HTMLTextAreaElement>('What you want to tell them');
    expect(document.activeElement).toBe(field);
    // Going back is still there.
    expect(backButton()).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep it here' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(onKeepDraft).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: '  I miss you.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep it here' }));
    await screen.findByText(/Nothing was sent, and the conversation stays blocked/);
    expect(onKeepDraft).toHaveBeenCalledWith(expect.any(String), 'I miss you.');
    expect(field.value).toBe('');
  });

  it('a draft that could not be kept says so and keeps the text', async () => {
    const { onKeepDraft } = renderPage(false);
    onKeepDraft.mockImplementationOnce(() => Promise.reject(new Error('Not kept: try again.')));
    fireEvent.click(writeButton());
    const field = screen.getByLabelText<HTMLTextAreaElement>('What you want to tell them');
    fireEvent.input(field, { target: { value: 'Call me.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Keep it here' }));
    await screen.findByText('Not kept: try again.');
    expect(field.value).toBe('Call me.');
  });

  it('moves the focus to writing once the list says it is a conversation, unless it was moved', () => {
    const props = {
      summary: summaryFixture(),
      friction: { ...DEFAULT_FRICTION },
      looksRestart: true,
      card: cardFor(0, []),
      onAnotherCard: vi.fn(),
      onGoBack: vi.fn(),
      leaving: false,
      onContinue: vi.fn(() => Promise.resolve(null)),
      onSetup: vi.fn(),
      onWriteInstead: vi.fn(),
      onKeepDraft: vi.fn(() => Promise.resolve()),
    };
    const chat = { kind: 'listed', platform: 'X', conversation: true, mode: 'block' } as const;
    const view = render(<Interstitial {...props} target={null} />);
    expect(document.activeElement).toBe(backButton());
    view.rerender(<Interstitial {...props} target={chat} />);
    expect(document.activeElement).toBe(writeButton());
    cleanup();
    // Moved by the person meanwhile (here: to a field elsewhere on the page): left there.
    const again = render(<Interstitial {...props} target={null} />);
    const elsewhere = document.body.appendChild(document.createElement('input'));
    elsewhere.focus();
    again.rerender(<Interstitial {...props} target={chat} />);
    expect(document.activeElement).toBe(elsewhere);
    elsewhere.remove();
  });

  it('is not offered while the page is leaving', () => {
    renderPage(true, { leaving: true });
    expect(screen.queryByRole('button', { name: 'Write it here instead' })).toBeNull();
  });
});

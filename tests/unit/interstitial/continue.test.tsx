// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardFor } from '@/components/interstitial/cards';
import { Interstitial, type InterstitialProps } from '@/components/interstitial/Interstitial';
import { confirmationPhrase, phraseMatches } from '@/components/interstitial/phrase';
import type { VisibilitySource } from '@/components/hooks/use-countdown';
import { DEFAULT_FRICTION } from '@/lib/settings';
import { summaryFixture } from '../popup/summary-fixture';

/** A page whose visibility the test decides. */
function visibility(initial: DocumentVisibilityState = 'visible') {
  const listeners = new Set<() => void>();
  const source: VisibilitySource & { set(v: DocumentVisibilityState): void } = {
    visibilityState: initial,
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
    set(v) {
      this.visibilityState = v;
      for (const fn of [...listeners]) fn();
    },
  };
  return source;
}

function renderPage(over: Partial<InterstitialProps> = {}) {
  const onContinue = vi.fn(() => Promise.resolve(null));
  const onGoBack = vi.fn();
  const props: InterstitialProps = {
    target: { kind: 'listed', platform: 'Instagram', conversation: false, mode: 'block' },
    summary: summaryFixture(),
    friction: { ...DEFAULT_FRICTION },
    looksRestart: true,
    card: cardFor(0, []),
    onAnotherCard: vi.fn(),
    onGoBack,
    leaving: false,
    onContinue,
    onSetup: vi.fn(),
    ...over,
  };
  render(<Interstitial {...props} />);
  return { onContinue, onGoBack };
}

const continueButton = () => screen.getByRole('button', { name: 'Continue anyway' });
const tick = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

/** Does `f` inside act() and lets the promises it started settle. */
const settle = (f: () => unknown) =>
  act(async () => {
    f();
    await Promise.resolve();
  });

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the page itself', () => {
  it('shows the day, what is left, the next milestone and the longest streak', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Day 3 of 30');
    expect(screen.getByText('27 days to go')).toBeTruthy();
    expect(screen.getByText('Next milestone: day 7, in 4 days')).toBeTruthy();
    expect(screen.getByText('Your longest streak so far: 6 days.')).toBeTruthy();
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('3');
    expect(bar.getAttribute('max')).toBe('30');
  });

  it('focuses Go back at once, and it works before anything else is read', () => {
    const { onGoBack } = renderPage({ summary: null, target: null, friction: null, card: null });
    const back = screen.getByRole('button', { name: 'Go back' });
    expect(document.activeElement).toBe(back);
    // The screen reader hears the day with the button.
    expect(back.getAttribute('aria-describedby')).toBe('day-heading');
    fireEvent.click(back);
    expect(onGoBack).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /continue/i })).toBeNull();
  });

  it('before setup explains, links to setup, and still offers no way past without the pause', () => {
    renderPage({ summary: { ...summaryFixture(), status: { kind: 'no-plan' } } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'No Contact is not set up yet',
    );
    expect(screen.getByRole('link', { name: 'Set up No Contact' })).toBeTruthy();
    expect(continueButton().hasAttribute('disabled')).toBe(true);
  });
});

describe('the pause before Continue anyway', () => {
  it('counts down visibly and enables Continue anyway when it ends', async () => {
    renderPage({ friction: { ...DEFAULT_FRICTION, pauseSeconds: 5 }, visibility: visibility() });
    expect(continueButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('available in 5 s')).toBeTruthy();
    await tick(2000);
    expect(screen.getByText('available in 3 s')).toBeTruthy();
    await tick(3000);
    expect(continueButton().hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(/available in/)).toBeNull();
    expect(screen.getByText('Continue anyway is now available.')).toBeTruthy();
  });

  it('only counts while the page is visible', async () => {
    const page = visibility();
    renderPage({ friction: { ...DEFAULT_FRICTION, pauseSeconds: 5 }, visibility: page });
    await tick(2000);
    await act(() => {
      page.set('hidden');
    });
    await tick(60_000);
    expect(screen.getByText('available in 3 s')).toBeTruthy();
    expect(continueButton().hasAttribute('disabled')).toBe(true);
    await act(() => {
      page.set('visible');
    });
    await tick(2000);
    expect(screen.getByText('available in 1 s')).toBeTruthy();
    await tick(1000);
    expect(continueButton().hasAttribute('disabled')).toBe(false);
  });

  it('does not start while the page is prerendered (hidden) and starts once shown', async () => {
    const page = visibility('hidden');
    renderPage({ friction: { ...DEFAULT_FRICTION, pauseSeconds: 3 }, visibility: page });
    await tick(10_000);
    expect(screen.getByText('available in 3 s')).toBeTruthy();
    await act(() => {
      page.set('visible');
    });
    await tick(3000);
    expect(continueButton().hasAttribute('disabled')).toBe(false);
  });

  it('with no pause set, Continue anyway is available at once', () => {
    renderPage({ friction: { ...DEFAULT_FRICTION, pauseSeconds: 0 } });
    expect(continueButton().hasAttribute('disabled')).toBe(false);
  });
});

describe('the confirmation phrase', () => {
  it('matches ignoring case and surrounding or doubled spaces, and nothing else', () => {
    expect(phraseMatches(confirmationPhrase())).toBe(true);
    expect(phraseMatches('  i CHOOSE to look   anyway ')).toBe(true);
    expect(phraseMatches('I choose to look')).toBe(false);
    expect(phraseMatches('I choose to look anyway!')).toBe(false);
    expect(phraseMatches('')).toBe(false);
  });

  it('is asked for after the pause, and Continue goes ahead only with it', async () => {
    const { onContinue } = renderPage({
      friction: { ...DEFAULT_FRICTION, pauseSeconds: 1 },
      visibility: visibility(),
    });
    expect(screen.queryByLabelText('Confirmation phrase')).toBeNull();
    await tick(1000);
    const field = screen.getByLabelText('Confirmation phrase');
    expect(screen.getByText(confirmationPhrase())).toBeTruthy();

    await settle(() => fireEvent.click(continueButton()));
    expect(onContinue).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('does not match yet');
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field, { target: { value: ' i choose to LOOK anyway ' } });
    await settle(() => fireEvent.click(continueButton()));
    expect(onContinue).toHaveBeenCalledTimes(1);
    // Pressed again while the first is under way: still one.
    await settle(() => fireEvent.click(continueButton()));
    expect(onContinue).toHaveBeenCalledTimes(1);
  });

  it('shows what went wrong when Continue is refused, and lets the person try again', async () => {
    const onContinue = vi.fn(() => Promise.resolve('This address is not on your list.'));
    renderPage({
      friction: { ...DEFAULT_FRICTION, pauseSeconds: 0, phraseRequired: false },
      onContinue,
    });
    expect(screen.queryByLabelText('Confirmation phrase')).toBeNull();
    await settle(() => fireEvent.click(continueButton()));
    expect(screen.getByRole('alert').textContent).toBe('This address is not on your list.');
    expect(continueButton().hasAttribute('disabled')).toBe(false);
  });
});

describe('Modified No Contact', () => {
  it('reminds to keep it brief, asks no phrase, waits 3 s and never speaks of restarting', async () => {
    renderPage({
      target: { kind: 'listed', platform: 'Messenger', conversation: true, mode: 'modified' },
      friction: { ...DEFAULT_FRICTION, pauseSeconds: 30, phraseRequired: true },
      visibility: visibility(),
    });
    expect(screen.getByText(/keep it brief and calm/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Continue' });
    expect(button.hasAttribute('disabled')).toBe(true);
    await tick(3000);
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(screen.queryByLabelText('Confirmation phrase')).toBeNull();
    expect(screen.getByText(/necessary contact\. Your count keeps going/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/starts your count again/);
    // No card about why contact resets progress: this contact is allowed.
    expect(screen.queryByText('Why a look starts the count again')).toBeNull();
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EndPlanForm } from '@/components/options/EndPlanForm';

afterEach(cleanup);

const reasonField = () => screen.getByLabelText<HTMLSelectElement>('Why end it?');

describe('End the plan', () => {
  it('comes with "they asked to get back together" chosen when the guidance led here, and says why it waits', () => {
    render(
      <EndPlanForm
        waiting={false}
        goalReached={false}
        onEnd={vi.fn()}
        initialReason="reconciled"
      />,
    );
    expect(reasonField().value).toBe('reconciled');
    expect(screen.getByText(/a day of calm before you answer/)).toBeTruthy();
  });

  it('otherwise "I decided to stop", or the goal once it is reached', () => {
    render(<EndPlanForm waiting={false} goalReached={false} onEnd={vi.fn()} />);
    expect(reasonField().value).toBe('decided-to-stop');
    expect(screen.queryByText(/a day of calm before you answer/)).toBeNull();
    cleanup();
    render(<EndPlanForm waiting={false} goalReached onEnd={vi.fn()} />);
    expect(reasonField().value).toBe('goal-reached');
  });
});

import type { ComponentChildren } from 'preact';
import { CIRCUMFERENCE, R, ringFraction } from './ring';

interface Props {
  value: number;
  max: number;
  /** Diameter in CSS pixels. */
  size?: number;
  children?: ComponentChildren;
}

/**
 * A ring that fills towards the goal, with its content (the day) in the middle. The ring
 * is decoration: the numbers it stands for are in the text, so it is hidden from screen
 * readers.
 */
export function ProgressRing({ value, max, size = 148, children }: Props) {
  const fraction = ringFraction(value, max);
  return (
    <div class="ring" style={{ width: `${size}px`, height: `${size}px` }}>
      <svg viewBox="0 0 120 120" width={size} height={size} aria-hidden="true" focusable="false">
        <circle class="ring-track" cx="60" cy="60" r={R} fill="none" stroke-width="10" />
        <circle
          class="ring-fill"
          cx="60"
          cy="60"
          r={R}
          fill="none"
          stroke-width="10"
          stroke-linecap="round"
          stroke-dasharray={`${CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          stroke-dashoffset={CIRCUMFERENCE * (1 - fraction)}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <div class="ring-content">{children}</div>
    </div>
  );
}

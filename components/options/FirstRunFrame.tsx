import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import { useEffect, useRef } from 'preact/hooks';

export interface StepInfo {
  id: string;
  title: string;
}

/**
 * The frame of the guided first run: where the person is, the step itself, and the way
 * on. Each step is saved as it is left, so closing the tab loses nothing; the heading
 * takes focus on each step so a screen reader starts at the top of the new one.
 */
export function FirstRunFrame({
  steps,
  index,
  onBack,
  onNext,
  nextLabel = t('firstRunNext'),
  children,
}: {
  steps: readonly StepInfo[];
  index: number;
  onBack?: () => void;
  /** Absent when the step moves on by its own form (the plan step). */
  onNext?: () => void;
  nextLabel?: string;
  children: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const step = steps[index]!;
  const first = useRef(true);
  useEffect(() => {
    // Not on the first render: the page's own start should stay where the browser put it.
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [index]);

  return (
    <section aria-labelledby="first-run-h" class="first-run">
      <p class="muted step-count">{t('firstRunStepOf', index + 1, steps.length)}</p>
      <h2 id="first-run-h" tabIndex={-1} ref={heading}>
        {step.title}
      </h2>
      <ol class="steps" aria-label={t('firstRunStepsLabel')}>
        {steps.map((s, i) => (
          <li
            key={s.id}
            aria-current={i === index ? 'step' : undefined}
            class={i < index ? 'done' : undefined}
          >
            {s.title}
          </li>
        ))}
      </ol>
      <div class="step-body">{children}</div>
      <div class="row step-nav">
        {onBack && (
          <button type="button" onClick={onBack}>
            {t('firstRunBack')}
          </button>
        )}
        {onNext && (
          <button type="button" class="primary" onClick={onNext}>
            {nextLabel}
          </button>
        )}
      </div>
      <p class="muted">{t('firstRunLeaveNote')}</p>
    </section>
  );
}

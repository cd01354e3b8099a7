import { useRef, useState } from 'preact/hooks';
import { labels, t } from '@/lib/i18n';
import { NOTE_MAX_CHARS } from '@/lib/limits';
import { NECESSARY_TOPICS, type NecessaryTopic } from '@/lib/streak/log-event';
import { PickOne } from './PickOne';

/** What a necessary contact was about, as a choice. */
export const TOPIC_LABELS: Readonly<Record<NecessaryTopic, string>> = labels({
  children: 'topicChildren',
  home: 'topicHome',
  work: 'topicWork',
  other: 'topicOther',
});

/**
 * "I had necessary contact" (Modified No Contact): what it was about and an optional
 * note. It is logged and never restarts the count; the form says so, with a calm word on
 * keeping such contact brief.
 */
export function NecessaryForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (topic: NecessaryTopic, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [topic, setTopic] = useState<NecessaryTopic | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!topic) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    setBusy(true);
    await onSubmit(topic, note.trim());
    setBusy(false);
  };

  return (
    <form class="slip" onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('necessaryTitle')}</h1>
      <p class="muted">{t('necessaryIntro')}</p>
      <PickOne
        id="necessary"
        name="topic"
        legend={t('necessaryTopicLegend')}
        keys={NECESSARY_TOPICS}
        label={(k) => TOPIC_LABELS[k]}
        value={topic}
        onChoose={(k) => {
          setTopic(k);
          setMissing(false);
        }}
        first={first}
        missing={missing}
        missingText={t('necessaryChooseFirst')}
      />
      <label for="necessary-note">{t('slipNoteLabel')}</label>
      <textarea
        id="necessary-note"
        rows={2}
        maxLength={NOTE_MAX_CHARS}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <p class="muted small">{t('necessaryKeepsCount')}</p>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {t('necessarySubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('slipCancel')}
        </button>
      </div>
    </form>
  );
}

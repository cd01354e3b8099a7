import { useState } from 'preact/hooks';

export type SaveStatus = { text: string; error: boolean } | null;

/**
 * Saving a whole edited list (reasons, if-then plans) and the one status line under it:
 * `save` resolves to whether it worked, and the line says `done` or why it did not
 * (`failed` when the error carries no words of its own).
 */
export function useListSave<T>(onChange: (next: T) => Promise<void>, failed: string) {
  const [status, setStatus] = useState<SaveStatus>(null);
  const save = async (next: T, done: string): Promise<boolean> => {
    try {
      await onChange(next);
      setStatus({ text: done, error: false });
      return true;
    } catch (err) {
      setStatus({ text: err instanceof Error ? err.message : failed, error: true });
      return false;
    }
  };
  return { status, setStatus, save };
}

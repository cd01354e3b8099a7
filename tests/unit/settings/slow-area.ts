import { MemoryArea } from '../fixtures/memory-area';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A storage area as slow as a real one under load: every read and write takes a few
 * turns of the event loop, so two contexts' updates interleave between read and write
 * unless something keeps them apart.
 */
export class SlowArea extends MemoryArea {
  override async get(key: string): Promise<Record<string, unknown>> {
    const got = await super.get(key);
    await delay(5);
    return got;
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    await delay(5);
    return super.set(items);
  }
}

/**
 * A storage area that holds its first write back until another write (or a clear) comes
 * in, or `patience` ms pass: the moment when a lost update happens, made certain. Without a
 * lock the later writer lands first and the held write then overwrites it; with one, the
 * later writer cannot start until the held write is done.
 */
export class HeldFirstWriteArea extends MemoryArea {
  private held = false;
  private release: () => void = () => undefined;

  constructor(
    initial: Record<string, unknown> = {},
    private readonly patience = 100,
  ) {
    super(initial);
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    if (!this.held) {
      this.held = true;
      await Promise.race([new Promise<void>((r) => (this.release = r)), delay(this.patience)]);
    } else this.release();
    return super.set(items);
  }

  override clear(): Promise<void> {
    this.release();
    return super.clear();
  }
}

import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { pageDb } from '@/components/hooks/page-db';
import { DB_NAME } from '@/lib/db/schema';

describe("pageDb: the page's one connection to the event log", () => {
  it("opens the extension's database once, however many parts of the page ask", async () => {
    const [a, b] = await Promise.all([pageDb(), pageDb()]);
    expect(a).toBe(b);
    expect(await pageDb()).toBe(a);
    expect(a.name).toBe(DB_NAME);
  });
});

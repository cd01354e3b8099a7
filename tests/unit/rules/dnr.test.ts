import { describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { dnrOf } from '@/lib/rules/dnr';

describe('dnrOf', () => {
  it("is the browser's own declarativeNetRequest, so its calls keep their receiver", async () => {
    const api = {
      rules: [{ id: 1 }],
      getSessionRules() {
        return Promise.resolve(this.rules);
      },
    };
    const dnr = dnrOf({ declarativeNetRequest: api } as unknown as WxtBrowser);
    expect(dnr).toBe(api);
    expect(await dnr.getSessionRules()).toEqual([{ id: 1 }]);
  });
});

import type { WxtBrowser } from 'wxt/browser';
import type { DnrRule, RuleUpdate } from '@/lib/rules/dnr';

/** The few browser APIs the background modules under test use, in memory. */
export function stubBrowser() {
  const area = () => {
    let data: Record<string, unknown> = {};
    return {
      get: (key: string) =>
        Promise.resolve(key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: (items: Record<string, unknown>) => {
        data = { ...data, ...structuredClone(items) };
        return Promise.resolve();
      },
      remove: (key: string) => {
        const { [key]: _gone, ...rest } = data;
        data = rest;
        return Promise.resolve();
      },
      dump: () => data,
    };
  };
  let sessionRules: DnrRule[] = [];
  const alarms: { name: string; when: number }[] = [];
  const sent: { tabId: number; msg: unknown }[] = [];
  const api = {
    storage: { local: area(), session: area() },
    declarativeNetRequest: {
      getSessionRules: () => Promise.resolve(structuredClone(sessionRules)),
      updateSessionRules: (u: RuleUpdate) => {
        const remove = new Set(u.removeRuleIds ?? []);
        const next = sessionRules.filter((r) => !remove.has(r.id));
        for (const r of u.addRules ?? []) {
          if (next.some((x) => x.id === r.id))
            return Promise.reject(new Error(`duplicate id ${r.id}`));
          next.push(r);
        }
        sessionRules = next;
        return Promise.resolve();
      },
    },
    alarms: {
      create: (name: string, o: { when: number }) => {
        alarms.push({ name, when: o.when });
        return Promise.resolve();
      },
    },
    tabs: {
      sendMessage: (tabId: number, msg: unknown) => {
        sent.push({ tabId, msg });
        return Promise.resolve();
      },
    },
  };
  return {
    browser: api as unknown as WxtBrowser,
    api,
    rules: () => sessionRules,
    alarms,
    sent,
  };
}

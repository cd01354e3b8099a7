/** The part of `navigator` that asks the browser to keep this extension's data. */
export interface PersistenceNavigator {
  storage?: {
    persist?: () => Promise<boolean>;
    persisted?: () => Promise<boolean>;
  };
}

/**
 * Asks the browser not to evict the event log under storage pressure. `unlimitedStorage`
 * in the manifest covers quota; this covers eviction where the browser offers it.
 * Resolves to whether storage is persistent; false where the API is missing or refuses.
 */
export async function requestPersistence(
  nav: PersistenceNavigator | undefined = (globalThis as { navigator?: PersistenceNavigator })
    .navigator,
): Promise<boolean> {
  const storage = nav?.storage;
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

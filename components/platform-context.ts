import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { readPlatform, type Platform, type PlatformInfo } from '@/lib/platform';

/**
 * Where the extension runs (lib/platform), for the parts that name a browser's own menus.
 * A page reads it once and provides it around its tree; a desktop until it is known, which
 * is also what every browser but Firefox for Android needs.
 */
export const PlatformContext = createContext<Platform>('desktop');

/** The platform the page's tree was given (PlatformContext). */
export function usePlatform(): Platform {
  return useContext(PlatformContext);
}

/**
 * Reads the platform once, for a page to provide (`() => browser.runtime.getPlatformInfo()`
 * passed in by the entrypoint: components do not reach the browser themselves).
 */
export function useReadPlatform(getPlatformInfo?: () => Promise<PlatformInfo>): Platform {
  const [platform, setPlatform] = useState<Platform>('desktop');
  useEffect(() => {
    let alive = true;
    void readPlatform(getPlatformInfo).then((p) => alive && setPlatform(p));
    return () => {
      alive = false;
    };
    // Read once: the platform does not change while a page is open.
  }, []);
  return platform;
}

/**
 * This build's identity: the package version and a hash of the sources, stamped into
 * every context by wxt.config.ts (`__NC_BUILD__`). Pages and the background compare theirs
 * when they first speak (the 'hello' request): after an update in place the browser can
 * keep an older background running beside newer pages, or the reverse, and each must
 * know it (see lib/page-link.ts). Outside a build (unit tests) it reads as 0.0.0+dev.
 */

declare const __NC_BUILD__: string | undefined;

export const BUILD: string = typeof __NC_BUILD__ === 'string' ? __NC_BUILD__ : '0.0.0+dev';

/** The longest build identity a message may carry. */
export const BUILD_MAX_CHARS = 64;

/** The version part of a build identity ("0.2.0" of "0.2.0+3f9a…"). */
export function versionOf(build: string): number[] {
  const v = build.split('+')[0] ?? '';
  return v.split('.').map((n) => (/^\d+$/.test(n) ? Number(n) : 0));
}

/**
 * Whether the extension the browser has loaded is of another version than this code: after
 * files are replaced in place, a page is read from the new files while the browser still
 * holds the older manifest, messages and background until the extension reloads.
 */
export function loadedVersionDiffers(manifestVersion: string, build: string = BUILD): boolean {
  return compareBuilds(manifestVersion, build) !== 0;
}

/** Orders two builds by version: negative when `a` is older, 0 when the versions are equal. */
export function compareBuilds(a: string, b: string): number {
  const x = versionOf(a);
  const y = versionOf(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

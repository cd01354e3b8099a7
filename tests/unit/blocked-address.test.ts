import { describe, expect, it } from 'vitest';
import { readBlockedAddress, shortAddress } from '@/lib/blocked-address';

describe('the blocked address handed to the interstitial', () => {
  it('reads an http(s) address, whole, after the #', () => {
    const u = readBlockedAddress('#https://www.instagram.com/jamie.doe/?a=1&b=2#frag');
    expect(u?.href).toBe('https://www.instagram.com/jamie.doe/?a=1&b=2#frag');
  });

  it('refuses everything that is not an http(s) address', () => {
    for (const h of [
      '',
      '#',
      '#javascript:alert(1)',
      '#data:text/html,<script>alert(1)</script>',
      '#<img src=x onerror=alert(1)>',
      '#file:///etc/passwd',
      `#https://x.example/${'a'.repeat(100_000)}`,
    ]) {
      expect(readBlockedAddress(h), h.slice(0, 40)).toBeNull();
    }
  });

  it('shortens for display, as text', () => {
    expect(shortAddress(new URL('https://www.instagram.com/jamie.doe/'))).toBe(
      'instagram.com/jamie.doe/',
    );
    expect(shortAddress(new URL(`https://x.com/${'a'.repeat(100)}`), 20)).toHaveLength(20);
  });
});

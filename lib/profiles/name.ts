import { words, type Words } from '../words';
import { platformModule } from './registry';
import type { Profile } from './types';

/**
 * How a profile is named to the person, in words: "Instagram · @jamie.doe", or the
 * module's own words where the name has some to translate. A platform this version does
 * not know keeps the name stored with the profile.
 */
export function profileName(p: Pick<Profile, 'platform' | 'key' | 'display'>): Words {
  const mod = platformModule(p.platform);
  if (!mod) return words('profileNameStored', p.display);
  return mod.name?.(p.key) ?? words('profileNamePlain', mod.label, mod.display(p.key));
}

import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/hooks/use-settings';
import { PlanSection } from './sections/PlanSection';
import { ProfilesSection } from './sections/ProfilesSection';

const SECTIONS = [
  { id: 'plan', title: 'Plan' },
  { id: 'profiles', title: 'Profiles' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

function currentSection(): SectionId {
  const h = location.hash.slice(1);
  return SECTIONS.some((s) => s.id === h) ? (h as SectionId) : 'plan';
}

export function App() {
  const settings = useSettings();
  const [section, setSection] = useState<SectionId>(currentSection());
  useEffect(() => {
    const on = () => setSection(currentSection());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return (
    <div class="layout">
      <header>
        <h1>No Contact</h1>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} aria-current={s.id === section ? 'page' : undefined}>
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {!settings ? null : section === 'plan' ? (
          <PlanSection settings={settings} />
        ) : (
          <ProfilesSection settings={settings} />
        )}
      </main>
    </div>
  );
}

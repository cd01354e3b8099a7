import { describe, expect, it } from 'vitest';
import { GOALS, judge, verdictRows } from '../../../bench/goals';

const section = (name: string) => GOALS.find((g) => g.name.startsWith(name))!.section;

describe('the speed goals of npm run bench', () => {
  it('divides each figure by its floor and marks a ratio over the goal as a miss', () => {
    const figures = {
      [section('popup: day count')]: {
        toDayCountP50Ms: 150,
        staticPageP50Ms: 120,
        toDayCountP25Ms: 140,
        toDayCountP75Ms: 170,
        staticPageP25Ms: 110,
        staticPageP75Ms: 130,
        workerStoppedP50Ms: 500,
        workerStoppedStaticPageP50Ms: 480,
      },
    };
    const [warm, cold] = judge(figures);
    expect(warm).toMatchObject({
      value: 1.25,
      parts: '150 / 120 ms',
      spread: '140-170 / 110-130',
      met: false,
    });
    expect(cold).toMatchObject({ value: 1.04, met: true });
  });

  it('keeps an absolute goal strict where it says "less than"', () => {
    const inPage = GOALS.find((g) => g.figure === 'inPageToNavigationStartP95Ms')!;
    expect(judge({ [inPage.section]: { inPageToNavigationStartP95Ms: 20 } })).toContainEqual(
      expect.objectContaining({ goal: inPage, value: 20, met: false }),
    );
    expect(judge({ [inPage.section]: { inPageToNavigationStartP95Ms: 19.9 } })).toContainEqual(
      expect.objectContaining({ goal: inPage, met: true }),
    );
  });

  it('says a goal was not measured rather than met when its figures are missing', () => {
    const verdicts = judge({});
    expect(verdicts.every((v) => v.met === null)).toBe(true);
    const rows = verdictRows(verdicts);
    expect(rows).toHaveLength(GOALS.length + 1);
    expect(rows.slice(1).every((r) => r.at(-1) === 'NOT MEASURED')).toBe(true);
  });

  it('judges the guard cost by the paired median, its own part, and its change from run to run', () => {
    const guard = section('guard on a platform feed');
    const verdicts = judge({
      [guard]: {
        pairedDiffP50Ms: 4,
        pairedDiffAgainP50Ms: 11,
        runToRunMs: 7,
        overSameAccessNoCodeP50Ms: 5.5,
      },
    }).filter((v) => v.goal.section === guard);
    expect(verdicts.map((v) => [v.goal.figure, v.value, v.met])).toEqual([
      ['pairedDiffP50Ms', 4, true],
      ['overSameAccessNoCodeP50Ms', 5.5, false],
      ['runToRunMs', 7, false],
    ]);
  });

  it('judges the link click against its floors: an unlisted page, a scriptless extension page, the same at a per-session address', () => {
    const routes = section('interstitial after a link click');
    const verdicts = judge({
      [routes]: {
        linkP50Ms: 180,
        linkUnlistedP50Ms: 120,
        linkStaticExtensionPageP50Ms: 150,
        linkDynamicExtensionPageP50Ms: 165,
      },
    }).filter((v) => v.goal.figure === 'linkP50Ms');
    expect(verdicts.map((v) => [v.goal.floor, v.value, v.met])).toEqual([
      ['linkUnlistedP50Ms', 1.5, false],
      ['linkStaticExtensionPageP50Ms', 1.2, false],
      ['linkDynamicExtensionPageP50Ms', 1.09, true],
    ]);
  });

  it('leaves a floor that was not measured unjudged, not met', () => {
    const routes = section('interstitial after a link click');
    const dynamic = judge({ [routes]: { linkP50Ms: 180, linkUnlistedP50Ms: 120 } }).find(
      (v) => v.goal.floor === 'linkDynamicExtensionPageP50Ms',
    );
    expect([dynamic?.value, dynamic?.parts, dynamic?.met]).toEqual([null, 'not measured', null]);
  });
});

import type { Pledge, Project } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import type { Notice, Notifier } from './notification-ports.js';
import { markdownExcerpt, notifyProjectUpdate } from './project-update-notices.js';
import type { ReportDeps } from './report-ports.js';
import { assertEveryMilestoneReported } from './reports.js';

const project = {
  id: 'prj-9',
  title: { ky: 'Казан', ru: 'Котёл', en: 'Boiler' },
  milestones: [
    { id: 'm1', title: { ky: 'Долбоор', ru: 'Проект', en: 'Design' } },
    { id: 'm2', title: { ky: 'Орнотуу', ru: 'Монтаж', en: 'Installation' } },
  ],
} as unknown as Project;

function deps(sent: Notice[]) {
  const notifier: Notifier = {
    notify: async (n) => (sent.push(n), 'sent'),
    notifyOrganisation: async () => [],
  };
  const pledges = [{ investorId: 'u1', status: 'received' } as Pledge];
  return {
    notices: { notifier, webOrigin: 'https://mk.test' },
    money: { listProjectPledges: async () => ({ items: pledges, nextCursor: null }) },
  } as unknown as Pick<ReportDeps, 'money' | 'notices'>;
}

describe('project_update notices (issue 13 review 16)', () => {
  it('a report notice names the milestone and carries an excerpt of the report, without Markdown', async () => {
    const sent: Notice[] = [];
    const text = { ru: '## Проект готов\n\nДокументация **согласована**.\n\n- котёл\n- трубы', en: '## Design done\n\nApproved.' };
    await notifyProjectUpdate(deps(sent), project, { about: 'report-r1', what: 'report', milestone: project.milestones[0]!.title, text });
    const ru = sent[0]!.message('ru');
    expect(ru.text).toContain('Этап: Проект');
    expect(ru.text).toContain('Проект готов Документация согласована. котёл трубы');
    expect(ru.text).not.toContain('**');
    expect(sent[0]!.message('en').text).toContain('Milestone: Design\n\nDesign done Approved.');
  });

  it('a disbursement notice says the amount and what it paid for', async () => {
    const sent: Notice[] = [];
    await notifyProjectUpdate(deps(sent), project, {
      about: 'd-1',
      what: 'disbursement',
      amountKgs: 15_000_050,
      purpose: 'Boiler KVr-0.25',
    });
    const en = sent[0]!.message('en').text;
    expect(en).toMatch(/Spent: 150,000\.50\ssom/);
    expect(en).toContain('For: Boiler KVr-0.25');
    expect(sent[0]!.message('ky').text).toMatch(/Жумшалды: 150\s000,50\sсом/);
  });

  it('excerpts keep at most the limit, cut at a word, with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const out = markdownExcerpt(long, 50);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out.endsWith('word…')).toBe(true);
    expect(markdownExcerpt('[link](https://x.test) and ![img](a.jpg)')).toBe('link and');
  });
});

describe('completing a project (issue 13 review 1)', () => {
  const store = (rows: { milestoneId: string; status: 'posted' | 'correction_requested' }[]) => ({ reportedMilestones: async () => rows });

  it('is refused while a report is being corrected, even when its milestone has another posted report', async () => {
    const rows = [
      { milestoneId: 'm1', status: 'posted' as const },
      { milestoneId: 'm2', status: 'posted' as const },
      { milestoneId: 'm2', status: 'correction_requested' as const },
    ];
    await expect(assertEveryMilestoneReported(store(rows), project)).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('«Installation»'),
    });
  });

  it('passes when every milestone has a posted report and none is being corrected', async () => {
    const rows = [
      { milestoneId: 'm1', status: 'posted' as const },
      { milestoneId: 'm2', status: 'posted' as const },
    ];
    await expect(assertEveryMilestoneReported(store(rows), project)).resolves.toBeUndefined();
  });
});

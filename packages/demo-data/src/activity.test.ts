import {
  AnswerRequestSchema,
  ClubContributionSchema,
  ClubCreateSchema,
  QuestionRequestSchema,
  SaveSearchRequestSchema,
} from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_ACTIVITY, DEMO_INVESTOR_EMAIL, DEMO_OFFICER_EMAIL, type DemoPerson } from './activity.js';
import { DEMO_DEMAND_PROFILES } from './demand-profiles.js';
import { DEMO_PROJECTS } from './projects.js';
import { DEMO_USERS } from './users.js';

const exists = (p: DemoPerson) =>
  'email' in p ? DEMO_USERS.some((u) => u.email === p.email) : DEMO_DEMAND_PROFILES.some((d) => d.id === p.id);
const project = (id: string) => DEMO_PROJECTS.find((p) => p.id === id);
const officer = DEMO_USERS.find((u) => u.email === DEMO_OFFICER_EMAIL)!;
const { club, questions } = DEMO_ACTIVITY;

describe('demo activity (issue 12)', () => {
  it('is what the API would accept: every request passes its contract', () => {
    for (const s of DEMO_ACTIVITY.searches) expect(() => SaveSearchRequestSchema.parse(s)).not.toThrow();
    for (const q of questions) {
      expect(() => QuestionRequestSchema.parse(q.request), q.id).not.toThrow();
      if (q.answer) expect(() => AnswerRequestSchema.parse({ text: q.answer }), q.id).not.toThrow();
    }
    expect(() => ClubCreateSchema.parse(club.create)).not.toThrow();
    for (const c of [club.organiserContribution, ...club.members.flatMap((m) => (m.contribution ? [m.contribution] : []))])
      expect(() => ClubContributionSchema.parse(c)).not.toThrow();
  });

  it('names only demo people and public demo projects, and the demo investor is a demo investor', () => {
    expect(DEMO_USERS.find((u) => u.email === DEMO_INVESTOR_EMAIL)?.role).toBe('investor');
    expect(officer.role).toBe('officer');
    for (const p of [club.organiser, ...club.members.map((m) => m.person), ...questions.map((q) => q.asker)]) expect(exists(p)).toBe(true);
    for (const f of DEMO_ACTIVITY.follows.filter((f) => f.type === 'project')) expect(project(f.id)?.status).toBe('published');
    for (const q of questions) expect(project(q.projectId)?.status, q.id).toBe('published');
  });

  it('has public and private questions, answers only on the demo officer’s projects, and the demo investor’s private one there', () => {
    expect(questions.filter((q) => q.request.visibility === 'public').length).toBeGreaterThanOrEqual(2);
    for (const q of questions.filter((q) => q.answer)) expect(project(q.projectId)?.organisationId).toBe(officer.organisationId);
    const mine = questions.filter((q) => 'email' in q.asker && q.asker.email === DEMO_INVESTOR_EMAIL);
    expect(mine.map((q) => [q.request.visibility, project(q.projectId)?.organisationId])).toEqual([['private', officer.organisationId]]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('has a club pledge on a published project of the club’s home rayon, with shown and anonymous members contributing', () => {
    const target = project(club.pledge.projectId);
    expect(target?.status).toBe('published');
    expect(target?.rayonSoate).toBe(club.create.homeRayon);
    expect(target?.pledgeTypes).toContain('donation');
    expect(new Set(club.members.map((m) => m.shown))).toEqual(new Set([true, false]));
    expect(club.members.filter((m) => m.contribution).length).toBeGreaterThanOrEqual(2);
    // The demo investor stays outside, so the one-click join is theirs to try.
    expect(club.members.some((m) => 'email' in m.person)).toBe(false);
  });
});

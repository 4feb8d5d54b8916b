import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Project } from '@mekendesh/contracts';
import { createDb, seedProjects } from '@mekendesh/db';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';

/**
 * A published project of the demo officer's organisation that belongs to one test: a copy of prj-002 (three
 * milestones) with its own id, neutral words and no rayon, nothing pledged. Tests that fund a project or spend its
 * money use it, so the demo projects other files read (pledges, search, notifications) keep their state whatever order
 * the files run in.
 */
export async function ownPublishedProject(tag: string): Promise<Project> {
	const base = DEMO_PROJECTS.find((p) => p.id === 'prj-002')!;
	const id = `prj-e2e-${tag}-${randomUUID().slice(0, 8)}`;
	const now = new Date().toISOString();
	const words = { ky: `Сыноо долбоору ${tag}`, ru: `Проверочный проект ${tag}`, en: `Test project ${tag}` };
	const project: Project = {
		...base,
		id,
		slug: id,
		title: words,
		summary: words,
		description: words,
		rayonSoate: null,
		settlement: null,
		pledged: 0,
		raised: 0,
		supporters: 0,
		status: 'published',
		publishedAt: now,
		createdAt: now,
		updatedAt: now,
		version: 1,
		attachments: [],
		coverPhoto: null,
		coverUrl: null,
	};
	const db = createDb({ tableName: inject('tableName'), endpoint: inject('dynamoEndpoint'), region: 'local' });
	await seedProjects(db, { organisations: [], projects: [project] });
	return project;
}

import type { Project, ProjectList, ProjectListQuery } from '@mekendesh/contracts';
import { notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import type { ProjectRepository } from './ports.js';

/** Published projects, newest first, a page at a time. */
export function listPublishedProjects(repo: ProjectRepository, query: ProjectListQuery): Promise<ProjectList> {
  return repo.listByStatus({ status: 'published', limit: query.limit, cursor: query.cursor });
}

/** A project as the public sees it: only published and later states exist for visitors. */
export async function getPublicProject(repo: ProjectRepository, id: string): Promise<Project> {
  const project = await repo.get(id);
  if (!project || !isPublic(project.status)) throw notFound('project');
  return project;
}

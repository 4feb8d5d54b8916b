import type { Project } from '@mekendesh/contracts';
import { PROJECTS_NORTH } from './projects-north.js';
import { PROJECTS_SOUTH } from './projects-south.js';

/** Every demo project, ordered by id; public and non-public states alike. */
export const DEMO_PROJECTS: Project[] = [...PROJECTS_NORTH, ...PROJECTS_SOUTH].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

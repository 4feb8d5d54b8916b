import type { OrganisationKind, OrganisationStatus } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

// Explicit maps, so a new kind or status is a type error until it has a label (as in labels.ts).
const KIND: Record<OrganisationKind, () => string> = {
	ayil_okmotu: m.org_kind_ayil_okmotu,
	city: m.org_kind_city,
	rayon_administration: m.org_kind_rayon_administration,
	oblast_administration: m.org_kind_oblast_administration,
};
const STATUS: Record<OrganisationStatus, () => string> = {
	pending: m.org_status_pending,
	approved: m.org_status_approved,
	rejected: m.org_status_rejected,
};

export const organisationKindLabel = (kind: OrganisationKind): string => KIND[kind]();
export const organisationStatusLabel = (status: OrganisationStatus): string => STATUS[status]();

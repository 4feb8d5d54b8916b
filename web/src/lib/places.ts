import type { Locale } from '@mekendesh/contracts';
import { territoryBySoate, territoryName } from '@mekendesh/territories';

/** The full name of an oblast-level unit or a rayon, e.g. "Нарын облусу", "Ат-Башинский район". */
export function placeName(soate: string, locale: Locale): string {
	return territoryBySoate(soate)?.fullName[locale] ?? territoryName(soate, locale);
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, type AuditEntry, type Locale } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes.js';
import { auditActionLabel, auditObjectHref, auditReason, auditSentence } from './audit-sentence.js';

const entry = (action: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
	id: 'a1',
	at: '2026-03-01T06:00:00.000Z',
	actorId: 'u1',
	actorRoles: ['staff'],
	action,
	objectType: 'pledge',
	objectId: 'pl-1',
	reason: null,
	before: null,
	after: { amountKgs: 874_500, amount: 10_000, currency: 'USD', projectId: 'prj-1' },
	...over,
});
const LOCALES: Locale[] = ['ky', 'ru', 'en'];

/** Every `action: '<x.y>'` (or a template of one) the packages and functions write. */
function actionsInCode(): string[] {
	const root = join(import.meta.dirname, '../../..');
	const found = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
				for (const [, a] of readFileSync(path, 'utf8').matchAll(/['`]([a-z-]+\.[a-z_]+)['`]/g)) found.add(a!);
			}
		}
	};
	for (const top of ['packages/domain/src', 'functions/api/src', 'functions/jobs/src']) {
		try {
			walk(join(root, top));
		} catch {
			/* a package that is not there */
		}
	}
	const verbs =
		/\.(create|update|attach|approve|reject|request_changes|start|complete|apply|invite|join|delete|replace|hide|unhide|post|edit|request_correction|record|commit|correct|paid|refund|submit|start_review)$/;
	// vetting.ts writes the lifecycle's other moves as `project.${to}`: the staff moves (funded, cancelled) and the
	// deadline job's (funded, expired).
	const moves = ['project.funded', 'project.cancelled', 'project.expired'];
	return [...[...found].filter((a) => verbs.test(a) && !/^(node|path|zod|vitest)\./.test(a)), ...moves];
}

describe('auditSentence', () => {
	it('renders every known action as a sentence with the actor in ky, ru and en, never the raw name', () => {
		for (const action of AUDIT_ACTIONS)
			for (const locale of LOCALES) {
				const s = auditSentence(entry(action), 'Aida Usenova', locale);
				expect(s, `${action} ${locale}`).toContain('Aida Usenova');
				expect(s, `${action} ${locale}`).not.toContain(action);
				expect(s.length, `${action} ${locale}`).toBeGreaterThan('Aida Usenova'.length + 5);
			}
	});

	it('the three languages differ for each action', () => {
		for (const action of AUDIT_ACTIONS) {
			const [ky, ru, en] = LOCALES.map((l) => auditSentence(entry(action), 'X', l));
			expect(new Set([ky, ru, en]).size, action).toBe(3);
		}
	});

	it('money events say the amount in som and the original currency', () => {
		const en = auditSentence(entry('receipt.record'), 'Aida', 'en');
		expect(en).toMatch(/8,745\s?som/);
		expect(en).toMatch(/\$100\.00|100\.00/);
	});

	it('an unknown action is a generic sentence with its raw name', () => {
		expect(auditSentence(entry('widget.frobnicate'), 'Aida', 'en')).toBe('Aida did “widget.frobnicate”');
	});

	it('knows every action name the code writes', () => {
		const known = new Set<string>(AUDIT_ACTIONS);
		const missing = actionsInCode().filter((a) => !known.has(a));
		expect(missing).toEqual([]);
	});

	it('links objects to their pages', () => {
		expect(auditObjectHref(entry('project.approve', { objectType: 'project', objectId: 'prj-9' }), 'ru')).toBe('/ru/staff/projects/prj-9');
		expect(auditObjectHref(entry('receipt.record'), 'en')).toBe('/en/pledges/pl-1');
		expect(auditObjectHref(entry('rates.correct', { objectType: 'rates', objectId: '2026-03-01' }), 'ky')).toBe('/ky/staff/rates');
		expect(auditObjectHref(entry('report.post', { objectType: 'report', objectId: 'r1' }), 'en')).toBe('/en/projects/prj-1');
		expect(auditObjectHref(entry('account.delete', { objectType: 'user', objectId: 'u1' }), 'en')).toBeNull();
	});
});

describe('the audit log for people', () => {
	it('names the lifecycle moves and the upload to a project as sentences (issue 13 review)', () => {
		expect(auditSentence(entry('project.funded'), 'Aida', 'en')).toBe('Aida marked a project funded');
		expect(auditSentence(entry('project.submit'), 'Aida', 'ru')).toBe('Aida отправил(а) проект на рассмотрение');
		expect(auditSentence(entry('project.start_review'), 'Aida', 'ky')).toBe('Aida долбоорду карап баштады');
		expect(auditSentence(entry('project.attach'), 'Aida', 'en')).toBe('Aida added a file to a project');
	});

	it('gives every action a short filter label in each language, with no dangling words', () => {
		expect(auditActionLabel('cofunding.record', 'en')).toBe('Recorded money received from co-funders');
		for (const action of AUDIT_ACTIONS)
			for (const locale of LOCALES) {
				const label = auditActionLabel(action, locale);
				expect(label, `${action} ${locale}`).not.toBe(action);
				expect(label, `${action} ${locale}`).not.toMatch(/[:…]$|\s(of|на|with a budget of|с бюджетом)$|\s\s/);
			}
	});

	it('writes the platform reasons in the reader language and reasons people typed as written', () => {
		expect(auditReason('goal reached', 'ru')).toBe('цель достигнута');
		expect(auditReason('the deadline passed before the goal was reached', 'ky')).toBe('максатка жеткенге чейин мөөнөт бүттү');
		expect(auditReason('expired', 'en')).toBe('the project did not reach its goal by the deadline');
		expect(auditReason('Фото не того села', 'en')).toBe('Фото не того села');
		expect(auditReason(null, 'en')).toBeNull();
	});

	it('shows changes as named fields with money in som, not tyiyn', () => {
		const lines = auditChanges({ amountKgs: 15_000_000, amount: 10_000, currency: 'USD', status: 'refunded', hidden: true }, 'en');
		expect(lines.map((l) => l.field)).toEqual(['Amount in som', 'Amount', 'Status', 'Hidden']);
		expect(lines[0]!.value).toMatch(/^150,000\s?som$/);
		expect(lines[1]!.value).toBe('$100.00');
		expect(lines[3]!.value).toBe('yes');
		expect(auditChanges({ name: { ky: 'Программа', ru: 'Программа РУ', en: 'Programme' } }, 'ru')).toEqual([
			{ field: 'Название', value: 'Программа РУ' },
		]);
		expect(auditChanges(null, 'en')).toEqual([]);
	});
});

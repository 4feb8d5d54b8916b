import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, type AuditEntry, type Locale } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { auditObjectHref, auditSentence } from './audit-sentence.js';

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
		/\.(create|update|attach|approve|reject|request_changes|start|complete|apply|invite|join|delete|replace|hide|unhide|post|edit|request_correction|record|commit|correct|paid|refund)$/;
	return [...found].filter((a) => verbs.test(a) && !/^(node|path|zod|vitest)\./.test(a));
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

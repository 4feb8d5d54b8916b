import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { apiFailure, checked, issueFields, localizeFields } from './forms.js';

const messages = { email: () => 'Почта?', name: () => 'Название?', sectors: () => 'Отрасли?' };

describe('localizeFields', () => {
	it('maps API and zod field names to localized messages, nested ones to their root', () => {
		expect(localizeFields(['email', 'name.ky', 'sectors.2'], messages, 'Проверьте форму')).toEqual({
			fields: { email: 'Почта?', name: 'Название?', sectors: 'Отрасли?' },
		});
	});

	it('keeps a form-level message for a field it cannot place', () => {
		expect(localizeFields(['ownerId'], messages, 'Проверьте форму')).toEqual({ fields: {}, form: 'Проверьте форму' });
	});

	it('reads zod issue paths', () => {
		expect(issueFields({ issues: [{ path: ['name', 'ky'] }, { path: [] }] })).toEqual(['name.ky', '(body)']);
	});
});

describe('apiFailure', () => {
	const options = { messages, values: { email: 'a@b.kg' }, unavailable: 'Недоступно', fallback: 'Проверьте форму' };

	it('puts problem field errors next to their fields, with the status', () => {
		const error = new ApiError(400, 'bad', {
			type: 't',
			title: 'В запросе неверные поля',
			status: 400,
			errors: [{ field: 'email', message: 'x' }],
		});
		const out = apiFailure(error, options);
		expect(out.status).toBe(400);
		expect(out.data.errors).toEqual({ fields: { email: 'Почта?' } });
		expect(out.data.values).toEqual({ email: 'a@b.kg' });
	});

	it('shows the localized problem title, or an override, when no field is named', () => {
		const error = new ApiError(429, 'slow down', { type: 't', title: 'Слишком много попыток', status: 429 });
		expect(apiFailure(error, options).data.errors.form).toBe('Слишком много попыток');
		expect(apiFailure(new ApiError(401, 'no'), { ...options, overrides: { 401: 'Неверный пароль' } }).data.errors.form).toBe(
			'Неверный пароль',
		);
	});

	it('says when to try again after a 429 (issue 9), as the API said it in the page’s language', () => {
		const detail = 'Слишком много попыток. Попробуйте снова через 3 минуты.';
		const error = new ApiError(429, 'slow down', { type: 't', title: 'Слишком много попыток: попробуйте позже', status: 429, detail });
		expect(apiFailure(error, options).data.errors.form).toBe(detail);
		expect(apiFailure(error, options).status).toBe(429);
	});

	it('reports an unreachable API as unavailable and rethrows anything else', () => {
		expect(apiFailure(new ApiError(0, 'down'), options).status).toBe(503);
		expect(() => apiFailure(new TypeError('bug'), options)).toThrow(TypeError);
	});
});

describe('checked', () => {
	it('keeps only allowed values', () => {
		const form = new FormData();
		for (const v of ['water', 'hacked', 'education']) form.append('sectors', v);
		expect(checked(form, 'sectors', ['education', 'water', 'roads'])).toEqual(['education', 'water']);
	});
});

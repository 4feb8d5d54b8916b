import { describe, expect, it } from 'vitest';
import { chartLabelLines } from './chart-label.js';

describe('chartLabelLines', () => {
	it('keeps a short label on one line', () => {
		expect(chartLabelLines('Нарын облусу', 20)).toEqual(['Нарын облусу']);
	});
	it('wraps at spaces onto a second line instead of cutting a word', () => {
		expect(chartLabelLines('Чакан бизнес жана кол өнөрчүлүк', 20)).toEqual(['Чакан бизнес жана', 'кол өнөрчүлүк']);
	});
	it('ends in an ellipsis when even two lines are not enough', () => {
		expect(chartLabelLines('Чакан бизнес жана кол өнөрчүлүк', 14)).toEqual(['Чакан бизнес', 'жана кол…']);
	});
	it('cuts a single word longer than a line', () => {
		expect(chartLabelLines('Ысыккөлоблусунунтерриториясы', 10)).toEqual(['Ысыккөлобл', 'усунунтер…']);
	});
});

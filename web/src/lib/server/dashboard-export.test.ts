import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DashboardTable } from '../dashboard/tables.js';
import { tableCsv, tableXlsx } from './dashboard-export.js';

// The attacker's input: project and header text a spreadsheet would run as a formula.
const table: DashboardTable = {
	name: 'oblast' as DashboardTable['name'],
	title: 'By oblast',
	columns: [
		{ header: '=HEADER()', kind: 'text' },
		{ header: 'Received, KGS', kind: 'money' },
	],
	rows: [
		['=1+1', 12_345],
		['@SUM(A1)', 100],
		['Нарын облусу', 0],
	],
};

describe('dashboard exports (issue 13 attacker finding: an apostrophe shown in XLSX cells)', () => {
	it('XLSX keeps text exactly as written, as strings and never formulas', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await tableXlsx(table));
		const sheet = book.worksheets[0]!;
		expect(sheet.getCell('A1').value).toBe('=HEADER()');
		for (const [address, text] of [
			['A2', '=1+1'],
			['A3', '@SUM(A1)'],
			['A4', 'Нарын облусу'],
		] as const) {
			const cell = sheet.getCell(address);
			expect(cell.value).toBe(text);
			expect(cell.type).toBe(ExcelJS.ValueType.String);
			expect(cell.formula).toBeUndefined();
		}
		expect(sheet.getCell('B2').value).toBe(123.45);
	});

	it('CSV still neutralises formula text with an apostrophe', () => {
		const rows = Papa.parse<string[]>(tableCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
		expect(rows).toEqual([
			["'=HEADER()", 'Received, KGS'],
			["'=1+1", '123.45'],
			["'@SUM(A1)", '1.00'],
			['Нарын облусу', '0.00'],
		]);
	});
});

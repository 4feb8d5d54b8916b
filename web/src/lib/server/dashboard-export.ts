/**
 * The staff dashboard's exports (issue 13): one table as CSV (papaparse) or XLSX (exceljs), with the rows the page
 * shows (dashboardTable). CSV text cells are neutralised against formulas (a spreadsheet runs `=...` read from CSV);
 * XLSX text cells are written as strings exactly (exceljs stores a string as a shared string, never a formula, so no
 * apostrophe is shown). Money is som with 2 decimals (numbers in XLSX).
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { minorToDecimal, neutraliseFormula, type DashboardTable } from '../dashboard/tables.js';

/** The table as CSV text: a header row, then the rows; UTF-8 with a byte-order mark so Excel reads Cyrillic right. */
export function tableCsv(t: DashboardTable): string {
	const data = t.rows.map((row) =>
		row.map((cell, i) => {
			const kind = t.columns[i]!.kind;
			if (kind === 'money') return minorToDecimal(Number(cell));
			if (kind === 'int') return String(cell);
			return neutraliseFormula(String(cell));
		}),
	);
	return '\uFEFF' + Papa.unparse({ fields: t.columns.map((c) => neutraliseFormula(c.header)), data }, { newline: '\r\n' });
}

/**
 * The table as an XLSX workbook of one sheet: money cells are numbers (som, format 0.00), text cells strings as
 * written (a title "=1+1" is the text "=1+1", not a formula: only a `{ formula }` value would be one).
 */
export async function tableXlsx(t: DashboardTable): Promise<ArrayBuffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Mekendesh';
	// Sheet names: at most 31 characters, none of : \ / ? * [ ].
	const sheet = book.addWorksheet(t.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || t.name);
	sheet.addRow(t.columns.map((c) => c.header)).font = { bold: true };
	for (const row of t.rows) {
		sheet.addRow(
			row.map((cell, i) => {
				const kind = t.columns[i]!.kind;
				if (kind === 'money') return Number(minorToDecimal(Number(cell)));
				if (kind === 'int') return Number(cell);
				return String(cell);
			}),
		);
	}
	t.columns.forEach((c, i) => {
		const column = sheet.getColumn(i + 1);
		column.width = Math.min(40, Math.max(10, c.header.length + 2));
		if (c.kind === 'money') column.numFmt = '0.00';
	});
	const bytes = new Uint8Array(await book.xlsx.writeBuffer());
	// A fresh ArrayBuffer of exactly these bytes: a Response body and exceljs' load both take it.
	return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

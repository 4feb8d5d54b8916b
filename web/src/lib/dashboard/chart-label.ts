/**
 * A bar chart's label as at most `lines` lines of at most `width` characters, broken at spaces (a word longer than a
 * line is cut); when the label does not fit, the last line ends in '…'. The full label stays in the bar's <title>, so
 * nothing is lost, and the SVG never clips a sector name mid-word ("…кол өнөрчүлү", issue 13 review 11).
 * @example chartLabelLines('Чакан бизнес жана кол өнөрчүлүк', 14) // ['Чакан бизнес', 'жана кол…']
 */
export function chartLabelLines(label: string, width: number, lines = 2): string[] {
	const all: string[] = [];
	let line = '';
	for (const word of label.trim().split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= width) line = next;
		else {
			if (line) all.push(line);
			line = word;
			while (line.length > width) {
				all.push(line.slice(0, width));
				line = line.slice(width);
			}
		}
	}
	if (line) all.push(line);
	if (all.length <= lines) return all;
	const kept = all.slice(0, lines);
	const last = kept[lines - 1]!;
	kept[lines - 1] = `${last.length < width ? last : last.slice(0, width - 1)}…`;
	return kept;
}

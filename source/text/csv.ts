/** One CSV line (RFC 4180 quoting), ending in \n. */
export function csvLine(cells: string[]): string {
	return `${cells.map(quote).join(',')}\n`;
}

function quote(cell: string): string {
	return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

// CSV as spreadsheets read it (RFC 4180), safe to open: a text cell that a spreadsheet would run as
// a formula (= + - @, or a tab or carriage return in front of one) gets a leading apostrophe, the
// OWASP "CSV injection" guard. Customer names and logins are typed by other people.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says (Excel and LibreOffice both accept it). */
export function csvRow(values: (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

import ExcelJS from 'exceljs';

/** Opens an .xlsx file the way another program would. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  return workbook;
}

/** Saves a workbook to bytes, as an upload would bring them. */
export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Fills a generated template from line 2 down, cell by cell, as a person would. */
export async function fillTemplate(
  template: Uint8Array,
  sheetName: string,
  lines: readonly (readonly ExcelJS.CellValue[])[],
): Promise<Uint8Array> {
  const workbook = await openWorkbook(template);
  const worksheet = workbook.getWorksheet(sheetName);
  if (worksheet === undefined) throw new Error(`no worksheet ${sheetName}`);
  for (const [offset, values] of lines.entries()) {
    for (const [index, value] of values.entries()) {
      if (value !== undefined) worksheet.getCell(offset + 2, index + 1).value = value;
    }
  }
  return saveWorkbook(workbook);
}

import { MAX_CSV_BYTES } from '../../engine/data/rows.ts';

/**
 * A CSV file's text, or why it is not read: a file over MAX_CSV_BYTES is refused from its size
 * alone, before a byte of it is read.
 */
export async function readCsvFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_CSV_BYTES) {
    const bytes = (n: number) => n.toLocaleString('en');
    const most = `${MAX_CSV_BYTES / 1e6} MB (${bytes(MAX_CSV_BYTES)} bytes)`;
    return { error: `${file.name} is ${bytes(file.size)} bytes; a CSV of at most ${most} is read` };
  }
  try {
    return { text: await file.text() };
  } catch {
    return { error: `${file.name} could not be read` };
  }
}

import { MAX_CSV_BYTES } from '../../engine/data/rows.ts';

/**
 * A CSV file's text, or why it is not read: a file over MAX_CSV_BYTES is refused from its size
 * alone, before a byte of it is read.
 */
export async function readCsvFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_CSV_BYTES) {
    const mb = (file.size / 1e6).toFixed(1);
    return {
      error: `${file.name} is ${mb} MB; a CSV of at most ${MAX_CSV_BYTES / 1e6} MB is read`,
    };
  }
  try {
    return { text: await file.text() };
  } catch {
    return { error: `${file.name} could not be read` };
  }
}

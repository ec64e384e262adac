import { describe, expect, it } from 'vitest';
import { MAX_CSV_BYTES } from '../../src/engine/data/rows.ts';
import { readCsvFile } from '../../src/ui/csv/readFile.ts';

/** A file of `size` bytes that records whether anyone read it. */
function fileOf(size: number, text = '1,2\n3,4') {
  const reads = { count: 0 };
  const file = {
    name: 'big.csv',
    size,
    text: () => {
      reads.count++;
      return Promise.resolve(text);
    },
  } as unknown as File;
  return { file, reads };
}

describe('readCsvFile', () => {
  it('refuses a file over 50 MB from its size, without reading it', async () => {
    const { file, reads } = fileOf(MAX_CSV_BYTES + 1);
    expect(await readCsvFile(file)).toEqual({
      error: 'big.csv is 50,000,001 bytes; a CSV of at most 50 MB (50,000,000 bytes) is read',
    });
    expect(reads.count).toBe(0);
  });

  it('reads a file of 50 MB or less', async () => {
    const { file, reads } = fileOf(MAX_CSV_BYTES);
    expect(await readCsvFile(file)).toEqual({ text: '1,2\n3,4' });
    expect(reads.count).toBe(1);
  });
});

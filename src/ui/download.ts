/** Hands a file to the browser's downloads under `name`. */
export function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; revoking later frees the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A text file as a Blob. */
export const textFile = (text: string, type: string): Blob =>
  new Blob([text], { type: `${type};charset=utf-8` });

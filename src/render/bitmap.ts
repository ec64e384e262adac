/** An off-screen drawing surface, where the browser has one. */
export type Bitmap = HTMLCanvasElement | OffscreenCanvas;
/** Its 2D context. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A fresh bitmap of `width` × `height` device pixels, for layers that cache their raster. */
export function newBitmap(width: number, height: number): [Bitmap, Context2D] {
  const bitmap: Bitmap =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const ctx = bitmap.getContext('2d') as Context2D | null;
  if (!ctx) throw new Error('This browser cannot draw on a 2D canvas');
  return [bitmap, ctx];
}

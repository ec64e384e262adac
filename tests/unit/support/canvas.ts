/**
 * A recording stand-in for the browser's 2D canvas, for layer tests in Node: every path, stroke,
 * fill, text and image a layer draws is kept as a mark, with the style in force at the time.
 * Any non-finite number handed to the context throws, naming the call.
 */
import { vi } from 'vitest';

/** A 2D affine matrix as DOMMatrix spells it. */
export interface Matrix {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** `m` applied after `n`: a point goes through n, then m. */
const compose = (m: Matrix, n: Matrix): Matrix => ({
  a: m.a * n.a + m.c * n.b,
  b: m.b * n.a + m.d * n.b,
  c: m.a * n.c + m.c * n.d,
  d: m.b * n.c + m.d * n.d,
  e: m.a * n.e + m.c * n.f + m.e,
  f: m.b * n.e + m.d * n.f + m.f,
});

function assertFinite(op: string, args: readonly unknown[]): void {
  for (const a of args) {
    if (typeof a === 'number' && !Number.isFinite(a)) {
      throw new Error(`non-finite number passed to ${op}(${args.map(String).join(', ')})`);
    }
  }
}

/** One arc as drawn: centre and radius in the coordinates passed. */
export interface Arc {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** A path as a list of subpaths (each a list of [x, y] vertices) and arcs. */
export class RecordingPath {
  subpaths: [number, number][][] = [];
  arcs: Arc[] = [];

  moveTo(x: number, y: number): void {
    assertFinite('moveTo', [x, y]);
    this.subpaths.push([[x, y]]);
  }

  lineTo(x: number, y: number): void {
    assertFinite('lineTo', [x, y]);
    const last = this.subpaths.at(-1);
    if (last) last.push([x, y]);
    else this.subpaths.push([[x, y]]);
  }

  rect(x: number, y: number, w: number, h: number): void {
    assertFinite('rect', [x, y, w, h]);
    this.subpaths.push([
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
      [x, y],
    ]);
  }

  arc(x: number, y: number, r: number, a0: number, a1: number): void {
    assertFinite('arc', [x, y, r, a0, a1]);
    this.arcs.push({ x, y, r });
  }

  closePath(): void {
    const last = this.subpaths.at(-1);
    if (last && last.length > 0) last.push([...last[0]!]);
  }

  /** Adds `path`'s vertices through `m` (Path2D.addPath). */
  addPath(path: RecordingPath, m: Partial<Matrix> = IDENTITY): void {
    const t = { ...IDENTITY, ...m };
    assertFinite('addPath', [t.a, t.b, t.c, t.d, t.e, t.f]);
    for (const sub of path.subpaths) {
      this.subpaths.push(sub.map(([x, y]) => [t.a * x + t.c * y + t.e, t.b * x + t.d * y + t.f]));
    }
    for (const { x, y, r } of path.arcs) {
      this.arcs.push({ x: t.a * x + t.c * y + t.e, y: t.b * x + t.d * y + t.f, r: r * t.a });
    }
  }

  copy(): RecordingPath {
    const p = new RecordingPath();
    p.subpaths = this.subpaths.map((s) => s.map(([x, y]) => [x, y]));
    p.arcs = [...this.arcs];
    return p;
  }
}

/** The drawing state a mark was made with. */
export interface Style {
  readonly strokeStyle: unknown;
  readonly fillStyle: unknown;
  readonly lineWidth: number;
  readonly font: string;
  readonly textAlign: string;
  readonly textBaseline: string;
  readonly transform: Matrix;
  /** The dash pattern (empty: solid). */
  readonly lineDash: readonly number[];
}

/** A path stroked, filled or clipped to. */
export interface PathMark {
  readonly kind: 'stroke' | 'fill' | 'clip';
  readonly path: RecordingPath;
  readonly style: Style;
}

/** What a layer left on a surface, in drawing order. */
export type Mark =
  | PathMark
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly x: number;
      readonly y: number;
      readonly style: Style;
    }
  | { readonly kind: 'strokeRect'; readonly args: readonly number[]; readonly style: Style }
  | {
      readonly kind: 'image';
      readonly source: unknown;
      /** What the source held when it was drawn, if it is a recording surface. */
      readonly content: readonly Mark[];
      readonly args: readonly number[];
      readonly style: Style;
    }
  | { readonly kind: 'putImage'; readonly image: RecordingImageData }
  | { readonly kind: 'clear'; readonly args: readonly number[] };

/** A recording context and what it recorded. */
export interface Recorder {
  readonly ctx: CanvasRenderingContext2D;
  /** Every mark since the recorder was made. */
  readonly marks: Mark[];
  /** Calls by method name, in order (save, restore, beginPath, … included). */
  readonly calls: string[];
  /** Nesting depth of save() minus restore(). */
  depth(): number;
}

const surfaces = new WeakMap<object, Recorder>();

/** The recorder behind an off-screen surface made while the canvas globals were installed. */
export const recorderOf = (surface: unknown): Recorder | undefined =>
  typeof surface === 'object' && surface !== null ? surfaces.get(surface) : undefined;

/** A recording context for a canvas of `width` × `height` device pixels. */
export function recordingContext(
  width = 800,
  height = 600,
  canvas: object = { width, height },
): Recorder {
  const marks: Mark[] = [];
  const calls: string[] = [];
  interface State extends Omit<Style, 'transform'> {
    transform: Matrix;
    lineCap: string;
    lineJoin: string;
    imageSmoothingEnabled: boolean;
    globalAlpha: number;
    lineDash: number[];
  }
  let state: State = {
    strokeStyle: '#000',
    fillStyle: '#000',
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    transform: IDENTITY,
    lineCap: 'butt',
    lineJoin: 'miter',
    imageSmoothingEnabled: true,
    globalAlpha: 1,
    lineDash: [],
  };
  const stack: State[] = [];
  let path = new RecordingPath();
  const style = (): Style => ({
    strokeStyle: state.strokeStyle,
    fillStyle: state.fillStyle,
    lineWidth: state.lineWidth,
    font: state.font,
    textAlign: state.textAlign,
    textBaseline: state.textBaseline,
    transform: state.transform,
    lineDash: [...state.lineDash],
  });
  const setTransform = (...args: unknown[]) => {
    const [a, b, c, d, e, f] = args as number[];
    const m: Matrix =
      typeof args[0] === 'object' && args[0] !== null
        ? { ...IDENTITY, ...(args[0] as Partial<Matrix>) }
        : { a: a!, b: b!, c: c!, d: d!, e: e!, f: f! };
    assertFinite('setTransform', [m.a, m.b, m.c, m.d, m.e, m.f]);
    state.transform = m;
  };

  const methods: Record<string, (...args: never[]) => unknown> = {
    save: () => {
      stack.push({ ...state, lineDash: [...state.lineDash] });
    },
    restore: () => {
      const top = stack.pop();
      if (top) state = top;
    },
    beginPath: () => {
      path = new RecordingPath();
    },
    moveTo: (x: number, y: number) => path.moveTo(x, y),
    lineTo: (x: number, y: number) => path.lineTo(x, y),
    rect: (x: number, y: number, w: number, h: number) => path.rect(x, y, w, h),
    arc: (x: number, y: number, r: number, a0: number, a1: number) => path.arc(x, y, r, a0, a1),
    closePath: () => path.closePath(),
    stroke: (p?: RecordingPath) => {
      marks.push({ kind: 'stroke', path: (p ?? path).copy(), style: style() });
    },
    fill: (p?: RecordingPath) => {
      marks.push({ kind: 'fill', path: (p ?? path).copy(), style: style() });
    },
    clip: () => {
      marks.push({ kind: 'clip', path: path.copy(), style: style() });
    },
    fillText: (text: string, x: number, y: number) => {
      assertFinite('fillText', [x, y]);
      marks.push({ kind: 'text', text, x, y, style: style() });
    },
    strokeRect: (...args: number[]) => {
      assertFinite('strokeRect', args);
      marks.push({ kind: 'strokeRect', args, style: style() });
    },
    clearRect: (...args: number[]) => {
      assertFinite('clearRect', args);
      marks.push({ kind: 'clear', args });
    },
    drawImage: (source: unknown, ...args: number[]) => {
      assertFinite('drawImage', args);
      const content = recorderOf(source);
      marks.push({
        kind: 'image',
        source,
        content: content ? visibleMarks(content.marks) : [],
        args,
        style: style(),
      });
    },
    putImageData: (image: RecordingImageData) => {
      marks.push({ kind: 'putImage', image });
    },
    measureText: (text: string) => ({ width: 6 * String(text).length }),
    setLineDash: (dash: number[]) => {
      state.lineDash = [...dash];
    },
    getLineDash: () => [...state.lineDash],
    getTransform: () => ({ ...state.transform }),
    setTransform: (...args: never[]) => setTransform(...args),
    resetTransform: () => setTransform(IDENTITY),
    scale: (x: number, y: number) => {
      assertFinite('scale', [x, y]);
      state.transform = compose(state.transform, { ...IDENTITY, a: x, d: y });
    },
    rotate: (angle: number) => {
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      state.transform = compose(state.transform, { a: cos, b: sin, c: -sin, d: cos, e: 0, f: 0 });
    },
    translate: (x: number, y: number) => {
      assertFinite('translate', [x, y]);
      state.transform = compose(state.transform, { ...IDENTITY, e: x, f: y });
    },
    transform: (a: number, b: number, c: number, d: number, e: number, f: number) => {
      state.transform = compose(state.transform, { a, b, c, d, e, f });
    },
  };

  const ctx = new Proxy({} as Record<string, unknown>, {
    get(_, key: string) {
      if (key === 'canvas') return canvas;
      const method = methods[key];
      if (method) {
        return (...args: never[]) => {
          calls.push(key);
          assertFinite(key, args);
          return method(...args);
        };
      }
      if (key in state) return state[key as keyof State];
      throw new Error(`the recording context has no ${key}`);
    },
    set(_, key: string, value: unknown) {
      if (!(key in state)) throw new Error(`the recording context has no property ${key}`);
      if (key === 'lineWidth') assertFinite('lineWidth', [value]);
      (state as unknown as Record<string, unknown>)[key] = value;
      return true;
    },
  });
  return {
    ctx: ctx as unknown as CanvasRenderingContext2D,
    marks,
    calls,
    depth: () => stack.length,
  };
}

/** The marks after the last clear, with images of recording surfaces expanded in place. */
export function visibleMarks(marks: readonly Mark[]): Mark[] {
  let from = 0;
  marks.forEach((m, k) => {
    if (m.kind === 'clear') from = k + 1;
  });
  return marks
    .slice(from)
    .flatMap((m) => (m.kind === 'image' && m.content.length ? [m, ...m.content] : [m]));
}

/** The strokes among `marks`. */
export const strokes = (marks: readonly Mark[]) =>
  marks.filter((m): m is PathMark => m.kind === 'stroke');

/** The fills among `marks`. */
export const fills = (marks: readonly Mark[]) =>
  marks.filter((m): m is PathMark => m.kind === 'fill');

/** The texts among `marks`. */
export const texts = (marks: readonly Mark[]) =>
  marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text');

/** ImageData for Node: width × height RGBA bytes. */
export class RecordingImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(4 * width * height);
  }
}

/** An off-screen canvas whose 2D context records. */
export class RecordingOffscreenCanvas {
  readonly recorder: Recorder;
  constructor(
    public width: number,
    public height: number,
  ) {
    this.recorder = recordingContext(width, height, this);
    surfaces.set(this, this.recorder);
  }

  getContext(kind: string): CanvasRenderingContext2D | null {
    return kind === '2d' ? this.recorder.ctx : null;
  }
}

/** Puts Path2D, OffscreenCanvas and ImageData stand-ins on the global object for this test file. */
export function installCanvasGlobals(): void {
  vi.stubGlobal('Path2D', RecordingPath);
  vi.stubGlobal('OffscreenCanvas', RecordingOffscreenCanvas);
  vi.stubGlobal('ImageData', RecordingImageData);
}

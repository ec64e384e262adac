/**
 * JSON documents that can say what plain objects cannot — duplicated keys, `__proto__` as an own
 * key, `\u`-escaped text, numbers such as `1e999` — and the mutations the link fuzz applies to
 * them. A document is written to text by `writeDoc`, as a link would carry it.
 */
import fc from 'fast-check';

/** Text written into the JSON as it is: a number literal or an escaped string. */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object as its list of entries, in order: keys may repeat. */
export class Obj {
  constructor(readonly entries: [key: string | Raw, value: Doc][]) {}
}

/** A JSON document. */
export type Doc = null | boolean | number | string | Raw | Doc[] | Obj;

/** Where a node is: object keys and array indices from the root. */
export type DocPath = readonly (string | number)[];

/** The document of a JSON value (objects keep their key order). */
export function toDoc(value: unknown): Doc {
  if (Array.isArray(value)) return value.map(toDoc);
  if (value !== null && typeof value === 'object') {
    return new Obj(Object.entries(value).map(([k, v]) => [k, toDoc(v)]));
  }
  return value as Doc;
}

/** The JSON text of a document. */
export function writeDoc(doc: Doc): string {
  if (doc instanceof Raw) return doc.text;
  if (Array.isArray(doc)) return `[${doc.map(writeDoc).join(',')}]`;
  if (doc instanceof Obj) {
    const entries = doc.entries.map(
      ([k, v]) => `${k instanceof Raw ? k.text : JSON.stringify(k)}:${writeDoc(v)}`,
    );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(doc);
}

/** A JSON string literal of `text` with the characters `mask` picks written as `\uXXXX`. */
export function escaped(text: string, mask: readonly boolean[]): Raw {
  const chars = [...text].map((c, i) =>
    mask[i % Math.max(mask.length, 1)] === true && c.length === 1
      ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
      : JSON.stringify(c).slice(1, -1),
  );
  return new Raw(`"${chars.join('')}"`);
}

/** Every path of the document's nodes, the root's children first. */
export function pathsOf(doc: Doc, at: DocPath = []): DocPath[] {
  const children: [string | number, Doc][] =
    doc instanceof Obj
      ? doc.entries.flatMap(([k, v]) => (typeof k === 'string' ? [[k, v] as [string, Doc]] : []))
      : Array.isArray(doc)
        ? doc.map((v, i) => [i, v] as [number, Doc])
        : [];
  return children.flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
}

/** The node at `path`, or undefined. */
function nodeAt(doc: Doc, path: DocPath): Doc | undefined {
  let node: Doc | undefined = doc;
  for (const step of path) {
    if (node instanceof Obj) node = node.entries.findLast(([k]) => k === step)?.[1];
    else if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else return undefined;
  }
  return node;
}

/** What a mutation does at its path. */
export type Mutation =
  | { readonly kind: 'replace'; readonly value: Doc }
  | { readonly kind: 'delete' }
  | { readonly kind: 'proto'; readonly key: string; readonly value: Doc }
  | { readonly kind: 'duplicate'; readonly value: Doc; readonly first: boolean }
  | { readonly kind: 'escape'; readonly mask: readonly boolean[] };

/**
 * Applies `m` at `path` in place: replaces or deletes the node (or sets a missing key), adds a
 * prototype key to the object there, repeats its key with another value (before or after it), or
 * escapes its text and its key. Does nothing where the path does not lead.
 */
export function mutate(doc: Doc, path: DocPath, m: Mutation): void {
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path.at(-1);
  if (key === undefined) return;
  if (m.kind === 'proto') {
    // Into the object at the path, or the one holding it.
    const node = nodeAt(doc, path);
    const target = node instanceof Obj ? node : parent instanceof Obj ? parent : doc;
    if (target instanceof Obj) target.entries.push([m.key, m.value]);
    return;
  }
  if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
    if (m.kind === 'replace') parent[key] = m.value;
    else if (m.kind === 'delete') parent.splice(key, 1);
    else if (m.kind === 'escape' && typeof parent[key] === 'string') {
      parent[key] = escaped(parent[key], m.mask);
    }
    return;
  }
  if (!(parent instanceof Obj) || typeof key !== 'string') return;
  const i = parent.entries.findLastIndex(([k]) => k === key);
  if (m.kind === 'replace') {
    if (i < 0) parent.entries.push([key, m.value]);
    else parent.entries[i] = [key, m.value];
  } else if (i < 0) {
    return;
  } else if (m.kind === 'delete') {
    parent.entries.splice(i, 1);
  } else if (m.kind === 'duplicate') {
    // JSON.parse keeps the last of repeated keys.
    parent.entries.splice(m.first ? i : i + 1, 0, [key, m.value]);
  } else if (m.kind === 'escape') {
    const value = parent.entries[i]![1];
    const text = typeof value === 'string' ? escaped(value, m.mask) : value;
    parent.entries[i] = [escaped(key, m.mask), text];
  }
}

/** Numbers at and past the schema's edges, and literals plain objects cannot hold. */
const edgeNumbers = fc.constantFrom<Doc>(
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  20,
  21,
  100_000,
  100_001,
  1e6,
  1e6 + 1,
  -1e6 - 1,
  2 ** 32,
  2 ** 53 + 1,
  1e308,
  -1e308,
  5e-324,
  new Raw('1e999'),
  new Raw('-1e999'),
  new Raw('1E400'),
  new Raw('-0.0'),
  new Raw('1e-400'),
  new Raw('1.0'),
);

/** Strings a field may be handed: numbers and names as text, ids, colours, prototype names. */
const edgeStrings = fc.constantFrom<Doc>(
  '',
  ' ',
  'NaN',
  'Infinity',
  '1e999',
  '0x10',
  '1',
  'true',
  'null',
  'custom',
  'rosenbrock',
  'adam',
  'cosine',
  '#0072b2',
  '#zzz',
  '__proto__',
  'constructor',
  'x'.repeat(61),
  new Raw('"\\u0063ustom"'),
  new Raw('"\\u0061dam"'),
);

/** Any JSON value, weighted to the values a schema must handle: every type, edges, small trees. */
export const anyJson: fc.Arbitrary<Doc> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  edgeNumbers,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  edgeStrings,
  fc.string({ maxLength: 12 }),
  fc.constantFrom<Doc>([], [1], [1, 2], [2, 1], [1, 2, 3], ['a', 'b'], [null, null], [[1, 2]]),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }).map(toDoc),
  fc.constantFrom<Doc>(
    new Obj([]),
    new Obj([['x', [-1, 1]]]),
    new Obj([['id', 'custom']]),
    new Obj([['type', 'adam']]),
    new Obj([['__proto__', new Obj([['polluted', true]])]]),
  ),
  fc
    .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
    .map(toDoc),
);

/** A mutation of any kind, its values from `anyJson`. */
export const anyMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: anyJson.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('proto' as const),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
      value: fc.oneof(anyJson, fc.constant<Doc>(new Obj([['polluted', true]]))),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      value: anyJson,
      first: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.boolean(), { minLength: 1, maxLength: 8 })
      .filter((mask) => mask.includes(true))
      .map((mask) => ({ kind: 'escape' as const, mask })),
  },
);

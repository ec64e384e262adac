/**
 * lz-string's `decompressFromEncodedURIComponent` (lz-string 1.5.0, MIT; the same algorithm and
 * answers) that stops as soon as its output would pass `maxChars`. A link may be long enough to
 * hold 10,000 rows, and lz-string's format lets a short text expand quadratically (each code may
 * repeat the longest entry so far, one character longer each time): a 300,000-character link could
 * unpack to gigabytes before anyone could measure it. Answers 'damaged' where lz-string answers
 * null or "" (garbage, a cut-short text), and 'too long' for an output past the cap.
 */
export function decompressBounded(input: string, maxChars: number): Unpacked {
  if (input === '') return DAMAGED;
  const text = input.replace(/ /g, '+');
  const bits = new BitReader(text);
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = bits.read(2);
  // 2 ends an empty text; 3 is never written (lz-string reads on with an undefined character).
  if (first > 1) return DAMAGED;
  const c = String.fromCharCode(bits.read(first === 0 ? 8 : 16));
  dictionary[3] = c;
  let w = c;
  const result: string[] = [c];
  let length = 1;
  for (;;) {
    if (bits.index > text.length) return DAMAGED;
    let code = bits.read(numBits);
    if (code === 2) return { text: result.join('') };
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(bits.read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry: string;
    if (code < dictionary.length && code > 2) entry = dictionary[code]!;
    else if (code === dictionary.length) entry = w + w.charAt(0);
    else return DAMAGED;
    length += entry.length;
    if (length > maxChars) return TOO_LONG;
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    w = entry;
  }
}

/** The text a link holds, or why there is none. */
export type Unpacked = { readonly text: string } | { readonly problem: 'damaged' | 'too long' };

const DAMAGED: Unpacked = { problem: 'damaged' };
const TOO_LONG: Unpacked = { problem: 'too long' };

/** lz-string's URI-safe alphabet: 6 bits a character. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** Reads lz-string's bit stream: each character's 6 bits, most significant first. */
class BitReader {
  /** The index of the next character to load (lz-string's `data.index`). */
  index = 1;
  #value: number;
  #position = 32;

  constructor(readonly text: string) {
    this.#value = valueOf(text, 0);
  }

  /** `count` bits, least significant first, as lz-string assembles them. */
  read(count: number): number {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      const bit = this.#value & this.#position;
      this.#position >>= 1;
      if (this.#position === 0) {
        this.#position = 32;
        this.#value = valueOf(this.text, this.index++);
      }
      if (bit > 0) bits += 2 ** power;
    }
    return bits;
  }
}

/** A character's 6-bit value; lz-string reads any other character (or none) as 0. */
function valueOf(text: string, i: number): number {
  const v = ALPHABET.indexOf(text.charAt(i));
  return v < 0 ? 0 : v;
}

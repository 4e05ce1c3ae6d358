import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './csv-stream.ts';

async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('parseCsv', () => {
  it('should read quoted fields with delimiters, doubled quotes and line breaks whatever the chunk boundaries', async () => {
    const text = 'نام,توضیحات,کد\r\n"علی","گفت ""سلام""، خوبی?",1\r\n"چند\nخطی",,2\n\nآخر,"a,b",3';
    const expected = [['نام', 'توضیحات', 'کد'], ['علی', 'گفت "سلام"، خوبی?', '1'], ['چند\nخطی', '', '2'], [''], ['آخر', 'a,b', '3']];
    for (const size of [1, 2, 3, 7, 1000]) expect(await all(parseCsv(pieces(text, size))), `chunks of ${size}`).toEqual(expected);
  });

  it('should take the delimiter from the header line when Excel wrote semicolons or tabs', async () => {
    expect(await all(parseCsv(pieces('a;b;c\n1;2,5;3\n', 4)))).toEqual([['a', 'b', 'c'], ['1', '2,5', '3']]);
    expect(await all(parseCsv(pieces('a\tb\n1\t2', 3)))).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('decodeText', () => {
  it('should read UTF-8 with a BOM and Windows-1256 when the file is not UTF-8', async () => {
    async function* bytes(b: Buffer) { yield b.subarray(0, 3); yield b.subarray(3); }
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('نام,کد')]);
    expect((await all(decodeText(bytes(utf8)))).join('')).toBe('نام,کد');
    // «سلام» in Windows-1256
    const cp1256 = Buffer.from([0xd3, 0xe1, 0xc7, 0xe3, 0x2c, 0x31]);
    expect((await all(decodeText(bytes(cp1256)))).join('')).toBe('سلام,1');
  });
});

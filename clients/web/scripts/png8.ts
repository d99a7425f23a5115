// Makes a screenshot small enough to commit: Chromium's PNG (8-bit RGB or RGBA, not interlaced) becomes a palette
// PNG of at most 256 colours. A screen is mostly flat colours, so the palette is the most frequent colours (counted
// on 5 bits per channel); every pixel takes the nearest of them (anti-aliased text edges lose a little). No image
// library: decoding is inflate and the five row filters, encoding is deflate (node:zlib).
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Width, height and RGB pixels (3 bytes each) of an 8-bit RGB or RGBA PNG; alpha is dropped (screens are opaque). */
function decode(png: Buffer): { width: number; height: number; rgb: Buffer } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      channels = colour === 2 ? 3 : colour === 6 ? 4 : 0;
      if (depth !== 8 || !channels || interlace) throw new Error('only 8-bit RGB or RGBA, not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const b = up[x]!;
      const c = x >= channels ? up[x - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (line[x]! + predictor) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) pixels.copy(rgb, j, i, i + 3);
  return { width, height, rgb };
}

/** The same picture as a palette PNG of at most 256 colours. */
export function toPalettePng(png: Buffer): Buffer {
  const { width, height, rgb } = decode(png);
  const bin = (i: number) => ((rgb[i]! >> 3) << 10) | ((rgb[i + 1]! >> 3) << 5) | (rgb[i + 2]! >> 3);
  // Each 15-bit bin: how many pixels, and the sum of their colours (its palette entry is their mean).
  const count = new Uint32Array(1 << 15);
  const sums = new Float64Array(3 << 15);
  for (let i = 0; i < rgb.length; i += 3) {
    const b = bin(i);
    count[b]! += 1;
    sums[b * 3]! += rgb[i]!;
    sums[b * 3 + 1]! += rgb[i + 1]!;
    sums[b * 3 + 2]! += rgb[i + 2]!;
  }
  const bins = [...count.keys()].filter((b) => count[b]! > 0).sort((x, y) => count[y]! - count[x]!);
  const palette = bins.slice(0, 256).map((b) => [0, 1, 2].map((k) => Math.round(sums[b * 3 + k]! / count[b]!)));
  // Every bin in use maps to its nearest palette colour.
  const index = new Int16Array(1 << 15).fill(-1);
  for (const b of bins) {
    const [r, g, bl] = [(b >> 10) * 8 + 4, ((b >> 5) & 31) * 8 + 4, (b & 31) * 8 + 4];
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    palette.forEach(([pr, pg, pb], k) => {
      const distance = 2 * (r - pr!) ** 2 + 4 * (g - pg!) ** 2 + 3 * (bl - pb!) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [k, distance];
    });
    index[b] = best;
  }
  // Rows with the Sub filter on the indices (runs of one colour become zeros), then deflate at its best.
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 1;
    let previous = 0;
    for (let x = 0; x < width; x++) {
      const value = index[bin((y * width + x) * 3)]!;
      rows[y * (width + 1) + 1 + x] = (value - previous) & 0xff;
      previous = value;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

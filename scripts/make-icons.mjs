// Draws the toolbar icon (a blue tile with a highlighter stroke and two marked lines)
// at every size the manifest needs. Run once: `node scripts/make-icons.mjs`; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function pixel(x, y) {
  // Unit square coordinates; rounded tile with radius 0.2.
  const r = 0.2, cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const line = (top) => y > top && y < top + 0.12 && x > 0.2 && x < 0.8;
  if (y > 0.24 && y < 0.4 && x > 0.16 && x < 0.62) return [255, 213, 79, 255]; // highlighter mark
  if (line(0.5) || line(0.68)) return [255, 255, 255, 255];
  return [29, 95, 209, 255];
}

function png(size) {
  const rows = [];
  const samples = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) for (let sx = 0; sx < samples; sx++) {
        const p = pixel((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
        for (let i = 0; i < 3; i++) acc[i] += p[i] * p[3];
        acc[3] += p[3];
      }
      const a = acc[3] / samples ** 2;
      row.push(...(acc[3] ? acc.slice(0, 3).map((v) => Math.round(v / acc[3])) : [0, 0, 0]), Math.round(a));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));

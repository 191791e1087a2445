// Renders the app's icons and Open Graph image from public/icon.svg, offline, with the sharp that
// Next already installs: `node scripts/icons.mjs` after changing the SVG (the outputs are committed).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import sharp from "sharp";

const pub = (name) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));
const svg = readFileSync(pub("icon.svg"));

async function png(size, name) {
  const out = await sharp(svg, { density: Math.ceil((72 * size) / 64) })
    .resize(size, size)
    .png()
    .toBuffer();
  if (name) writeFileSync(pub(name), out);
  return out;
}

await png(192, "icon-192.png");
await png(512, "icon-512.png");
await png(180, "apple-touch-icon.png");

// favicon.ico: one 32×32 PNG in an ICO container (6-byte header, one 16-byte entry, the PNG).
const ico32 = await png(32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(ico32.length, 14); // image size
header.writeUInt32LE(22, 18); // image offset
writeFileSync(pub("favicon.ico"), Buffer.concat([header, ico32]));

// Open Graph / Twitter card: 1200×630, system fonts only (nothing fetched).
const mark = svg
  .toString()
  .replace(/<\?xml[^>]*>/, "")
  .replace("<svg ", '<svg x="96" y="175" width="160" height="160" ');
const og = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#f8faf8"/>
  <rect y="590" width="1200" height="40" fill="#15803d"/>
  ${mark}
  <text x="290" y="265" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="96" font-weight="bold" fill="#0b1411">Canopy</text>
  <text x="96" y="420" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="40" fill="#1f2f29">On-chain cover from immutable MetaPools.</text>
  <text x="96" y="485" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="30" fill="#4b5e57">Underwriters earn premium, seekers buy protection,</text>
  <text x="96" y="530" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="30" fill="#4b5e57">an arbiter chosen at creation rules on claims.</text>
</svg>`;
writeFileSync(pub("og.png"), await sharp(Buffer.from(og)).png().toBuffer());
console.log("public/: icon-192.png, icon-512.png, apple-touch-icon.png, favicon.ico, og.png");

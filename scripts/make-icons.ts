// Renders the web app's icons (app/manifest.ts) from app/icon.svg: run once when the logo changes,
// `npx tsx scripts/make-icons.ts`, and commit the PNGs. sharp comes with Next.js (its image
// optimizer); the maskable variant is full-bleed with the letter inside the central safe circle.
import fs from "node:fs";
import sharp from "sharp";

const icon = fs.readFileSync("app/icon.svg");
const maskable = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#3b5bdb"/>` +
    `<text x="16" y="21.2" text-anchor="middle" font-family="Georgia, serif" font-size="13" font-weight="700" fill="#fff">C</text></svg>`,
);

const render = (svg: Buffer, size: number, out: string) =>
  sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png()
    .toFile(out);

fs.mkdirSync("public/icons", { recursive: true });
await render(icon, 192, "public/icons/icon-192.png");
await render(icon, 512, "public/icons/icon-512.png");
await render(maskable, 192, "public/icons/maskable-192.png");
await render(maskable, 512, "public/icons/maskable-512.png");
await render(maskable, 180, "app/apple-icon.png");
// /favicon.ico: browsers ask for it whatever the page links; a 32 px PNG inside an ICO container.
const png = await sharp(icon, { density: 72 }).resize(32, 32).png().toBuffer();
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18);
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, png]));

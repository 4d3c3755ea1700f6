// The badge as PNG, for websites and documents that do not take SVG. Rendered from the same
// SVG by sharp (libvips with librsvg), whose Linux binary ships inside its npm package
// (@img/sharp-libvips-linux-x64): no download at install or run time, no browser.
import "server-only";
import sharp from "sharp";

export async function svgToPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

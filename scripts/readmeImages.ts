// `npm run readme-images`: the README's pictures, from the screenshots the integration tests took in the newest VS Code,
// as WebP encoded by Chromium: the VSIX carries them for VS Code's extension page, and PNGs of the whole workbench
// would be most of its 1 MB budget. (JPEG was tried: screenshots of text came out larger than PNG, and blurred.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, newestVersion, repoRoot } from './codeServer';

/** The pictures show today's VS Code: the screenshots its integration run took. */
const screenshots = path.join(repoRoot, 'test-results', `vscode-${newestVersion.vscode}`);

/** Lossy, but text stays sharp at this quality; the pictures are a third of their PNG size. */
const QUALITY = 0.9;

interface Picture {
  /** The screenshot in test-results/, without `.png`. */
  screenshot: string;
  /** The part of it that shows the feature, in screenshot pixels; the whole workbench when absent. */
  clip?: { x: number; y: number; width: number; height: number };
}

/** README picture (docs/images/<name>.webp) ← what it is made from. */
const pictures: Record<string, Picture> = {
  'agents-view': { screenshot: 'agents-view-seeds', clip: { x: 0, y: 0, width: 900, height: 640 } },
  'diagnostic-hover': { screenshot: 'agent-file-diagnostic-hover', clip: { x: 345, y: 35, width: 900, height: 350 } },
  'tools-hover': { screenshot: 'agent-file-tools-hover', clip: { x: 345, y: 35, width: 1055, height: 500 } },
  'run-document': { screenshot: 'run-document' },
  'send-to-agent-quick-pick': { screenshot: 'send-to-agent-quick-pick', clip: { x: 0, y: 0, width: 1400, height: 440 } },
  'risk-confirmation': { screenshot: 'risk-confirmation', clip: { x: 300, y: 250, width: 800, height: 400 } },
  'new-agent-wizard': { screenshot: 'new-agent-wizard-colour', clip: { x: 0, y: 0, width: 1050, height: 420 } },
  'routing-tests': { screenshot: 'routing-tests', clip: { x: 0, y: 35, width: 1400, height: 620 } },
  'routing-test-failure': { screenshot: 'routing-test-failure', clip: { x: 0, y: 35, width: 900, height: 310 } },
};

async function main(): Promise<void> {
  // `npm run readme-images -- routing-tests` remakes only the pictures named, from a run of only some suites.
  const only = process.argv.slice(2);
  for (const name of Object.keys(pictures)) if (only.length > 0 && !only.includes(name)) delete pictures[name];
  const missing = Object.values(pictures).map(({ screenshot }) => screenshot).filter((screenshot) => !fs.existsSync(path.join(screenshots, `${screenshot}.png`)));
  if (missing.length > 0) throw new Error(`run \`npm run test:integration\` first; missing in ${path.relative(repoRoot, screenshots)}/: ${missing.join(', ')}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    for (const [picture, { screenshot, clip }] of Object.entries(pictures)) {
      const png = fs.readFileSync(path.join(screenshots, `${screenshot}.png`));
      const webpBase64 = await page.evaluate(encodeAsWebp, { pngBase64: png.toString('base64'), quality: QUALITY, clip });
      const target = path.join(repoRoot, 'docs', 'images', `${picture}.webp`);
      fs.writeFileSync(target, Buffer.from(webpBase64, 'base64'));
      console.log(`${path.relative(repoRoot, target)}: ${(fs.statSync(target).size / 1024).toFixed(0)} KB`);
    }
  } finally {
    await browser.close();
  }
}

interface EncodeRequest {
  pngBase64: string;
  quality: number;
  clip?: Picture['clip'];
}

/** The little of the DOM that encodeAsWebp uses (scripts compile without the DOM library). */
interface PageGlobals {
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  document: {
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): { drawImage(image: unknown, ...area: number[]): void };
      toDataURL(type: string, quality: number): string;
    };
  };
}

/** Runs in the page: crops the PNG and encodes it with Chromium's WebP encoder. */
async function encodeAsWebp({ pngBase64, quality, clip }: EncodeRequest): Promise<string> {
  const page = globalThis as unknown as PageGlobals;
  const image = new page.Image();
  image.src = `data:image/png;base64,${pngBase64}`;
  await image.decode();
  const area = clip ?? { x: 0, y: 0, width: image.naturalWidth, height: image.naturalHeight };
  const canvas = page.document.createElement('canvas');
  canvas.width = area.width;
  canvas.height = area.height;
  canvas.getContext('2d').drawImage(image, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  return canvas.toDataURL('image/webp', quality).split(',')[1];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

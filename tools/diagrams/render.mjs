// Renders processes/*.bpmn to docs/images/<name>.svg with bpmn-js (Viewer.saveSVG)
// in the system's headless Chromium. Usage: see README.md beside this file.
import { readFile, writeFile, readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const processesDir = join(root, 'processes');
const imagesDir = join(root, 'docs', 'images');
const require = createRequire(import.meta.url);
const viewerScript = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const bpmnJsVersion = JSON.parse(
  await readFile(join(dirname(require.resolve('bpmn-js/package.json')), 'package.json'), 'utf8')).version;

function usage(message) {
  if (message) console.error(`render: ${message}`);
  console.error('usage: tools/diagrams/render [--check] [--png DIR] [processes/NAME.bpmn ...]');
  process.exit(2);
}

// ---- arguments
let check = false;
let pngDir = null;
const files = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--check') check = true;
  else if (arg === '--png') pngDir = args[++i] ?? usage('--png needs a folder');
  else if (arg === '-h' || arg === '--help') usage();
  else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
  else files.push(resolve(arg));
}
if (files.length === 0) {
  for (const name of (await readdir(processesDir)).sort()) {
    if (name.endsWith('.bpmn')) files.push(join(processesDir, name));
  }
}
for (const file of files) {
  if (!file.endsWith('.bpmn') || !existsSync(file)) usage(`not a BPMN file: ${file}`);
}

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`render: no Chromium at ${executablePath} (set CHROMIUM to the browser binary)`);
  process.exit(2);
}

// bpmn-js gives each arrow-head marker a random id, so every run would change every file:
// number them in order of appearance instead (same picture, reproducible file).
function stableMarkerIds(svg) {
  const ids = new Map();
  return svg.replace(/(id="|#)(marker-[a-z0-9]+)\b/g, (_, prefix, id) => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return prefix + ids.get(id);
  });
}

// ---- render
const started = Date.now();
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  timeout: 120000, // a busy machine (parallel builds) can take long to start a browser
  protocolTimeout: 120000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
});
let failed = 0;
let stale = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1000 });
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"><style>' +
    'html,body{margin:0;background:#fff}#canvas{width:1600px;height:1000px}' +
    '</style></head><body><div id="canvas"></div></body></html>');
  await page.addScriptTag({ path: viewerScript });

  if (pngDir) await mkdir(resolve(pngDir), { recursive: true });
  for (const file of files) {
    const name = basename(file, '.bpmn');
    const xml = await readFile(file, 'utf8');
    let result;
    try {
      result = await page.evaluate(async (xml) => {
        if (window.viewer) window.viewer.destroy();
        window.viewer = new window.BpmnJS({ container: '#canvas' });
        const { warnings } = await window.viewer.importXML(xml);
        const { svg } = await window.viewer.saveSVG();
        return { svg, warnings: warnings.map((w) => w.message) };
      }, xml);
    } catch (e) {
      console.error(`FAILED  ${name}: ${e.message.split('\n')[0]}`);
      failed++;
      continue;
    }
    // bpmn-js writes "<?xml ...?>\n<!-- created with bpmn-js / http://bpmn.io -->\n<!DOCTYPE ...>\n<svg ...":
    // the comment says where the file comes from instead (the declaration must stay first).
    const svg = stableMarkerIds(result.svg).replace(/<!--[\s\S]*?-->/,
      `<!-- processes/${name}.bpmn, rendered by tools/diagrams/render with bpmn-js ${bpmnJsVersion}`
      + ' (http://bpmn.io); do not edit, re-render -->').trimEnd() + '\n';
    const target = join(imagesDir, `${name}.svg`);
    const old = existsSync(target) ? await readFile(target, 'utf8') : null;
    const changed = old !== svg;
    if (check) {
      if (changed) stale++;
      console.log(`${changed ? 'STALE  ' : 'ok     '} docs/images/${name}.svg`);
    } else {
      if (changed) await writeFile(target, svg);
      console.log(`${changed ? 'written' : 'same   '} docs/images/${name}.svg`);
    }
    for (const w of result.warnings) console.log(`  warning: ${w}`);
    if (pngDir) {
      const png = join(resolve(pngDir), `${name}.png`);
      // a picture of the SVG file itself (not of the viewer), for a look at what is committed
      const svgPage = await browser.newPage();
      await svgPage.setContent('<!doctype html><html><body style="margin:0;background:#fff">'
        + svg.replace(/^[\s\S]*?(<svg)/, '$1') + '</body></html>');
      await (await svgPage.$('svg')).screenshot({ path: png });
      await svgPage.close();
      console.log(`        ${png}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${files.length} diagram(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  + (failed ? `, ${failed} failed` : '') + (stale ? `, ${stale} stale` : ''));
process.exit(failed ? 1 : stale ? 1 : 0);

#!/usr/bin/env node
// Generates the provinces and regencies/cities of the reference data from the
// npm package idn-area-data (4.x), so that no region is typed by hand.
//
//   npm install --prefix /tmp/idn idn-area-data@4.0.1
//   node tools/reference/generate-regions.mjs [--package DIR] [--check]
//
// DIR is the installed package (default: $IDN_AREA_DATA, else
// /tmp/idn/node_modules/idn-area-data). It rewrites, in place:
//   - src/main/resources/reference/organisations.json: "source", "provinces"
//     and "regencies" (the other sections are maintained by hand and kept as
//     they are);
//   - forms/cooperation-lifecycle/register-proposal.form: the options of
//     "proposerUnit" and "notaKesepakatanPartner" (ministries, provinces, regencies/cities),
//     "locationProvinces" (provinces) and "partnerRegion" (provinces,
//     regencies/cities), which ProposalFormOptionsTest compares
//     with the reference data.
// With --check it writes nothing and exits with 1 when a file would change.
// See tools/reference/README.md.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ORGANISATIONS = join(REPO, 'src/main/resources/reference/organisations.json');
const PROPOSAL_FORM = join(REPO, 'forms/cooperation-lifecycle/register-proposal.form');
const ODBL_URL = 'https://opendatacommons.org/licenses/odbl/1-0/';
// The newest official source the package names in its docs/references.md
// (not shipped in the npm package); check it when upgrading the package.
const OFFICIAL_SOURCE = 'Kepmendagri 300.2.2-2138 Tahun 2025';

function fail(message) {
  console.error(`generate-regions: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { check: false, pkg: process.env.IDN_AREA_DATA || '/tmp/idn/node_modules/idn-area-data' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') args.check = true;
    else if (argv[i] === '--package') args.pkg = argv[++i];
    else fail(`unknown argument ${argv[i]}`);
  }
  return args;
}

async function loadPackage(dir) {
  const manifestFile = join(dir, 'package.json');
  if (!existsSync(manifestFile)) {
    fail(`no package at ${dir}: install it with "npm install --prefix /tmp/idn idn-area-data@4" or pass --package`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (manifest.name !== 'idn-area-data' || !/^4\./.test(manifest.version)) {
    fail(`expected idn-area-data 4.x at ${dir}, found ${manifest.name} ${manifest.version}`);
  }
  // the code is MIT; the data is under the ODbL, which the source field and README must name
  const dataLicence = readFileSync(join(dir, 'data/LICENSE.md'), 'utf8');
  if (!dataLicence.startsWith('# Open Database License (ODbL)')) {
    fail('the data licence of the package is no longer the ODbL: check it and update the source text');
  }
  const api = await import(pathToFileURL(join(dir, manifest.main)).href);
  return { version: manifest.version, provinces: await api.getProvinces(), regencies: await api.getRegencies({ transform: true }) };
}

/** Checks the source's shape and turns it into the reference data's entries. */
function regions(source) {
  const provinces = source.provinces.map((p) => {
    if (!/^\d{2}$/.test(p.code)) fail(`province code '${p.code}' is not two digits`);
    if (!p.name || p.name.trim() !== p.name) fail(`province ${p.code} has a bad name '${p.name}'`);
    return { code: p.code, name: p.name };
  });
  const provinceCodes = new Set(provinces.map((p) => p.code));
  if (provinceCodes.size !== provinces.length) fail('duplicate province codes');
  const regencies = source.regencies.map((r) => {
    const match = /^(\d{2})\.(\d{2})$/.exec(r.code);
    if (!match) fail(`regency code '${r.code}' is not NN.NN`);
    if (match[1] !== r.provinceCode || !provinceCodes.has(r.provinceCode)) {
      fail(`regency ${r.code} names province '${r.provinceCode}'`);
    }
    // the style the application shows: "Kabupaten …" or "Kota …", as Kemendagri writes them
    if (!/^(Kabupaten|Kota) \S/.test(r.name) || r.name.trim() !== r.name) {
      fail(`regency ${r.code} has a name outside the "Kabupaten …"/"Kota …" style: '${r.name}'`);
    }
    return { code: match[1] + match[2], province: r.provinceCode, name: r.name };
  });
  if (new Set(regencies.map((r) => r.code)).size !== regencies.length) fail('duplicate regency codes');
  const byCode = (a, b) => a.code.localeCompare(b.code);
  return { provinces: provinces.sort(byCode), regencies: regencies.sort(byCode) };
}

/** The data file's own layout: one entry per line. */
function formatOrganisations(data) {
  const inline = (o) => `{ ${Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  const value = (v) => (Array.isArray(v)
    ? (v.length === 0 ? '[]' : `[\n${v.map((e) => `    ${inline(e)}`).join(',\n')}\n  ]`)
    : JSON.stringify(v));
  return `{\n${Object.entries(data).map(([k, v]) => `  ${JSON.stringify(k)}: ${value(v)}`).join(',\n')}\n}\n`;
}

function setOptions(form, key, options) {
  const field = form.components.find((c) => c.key === key);
  if (!field) fail(`${PROPOSAL_FORM} has no field ${key}`);
  field.values = options;
}

const args = parseArgs(process.argv.slice(2));
const source = await loadPackage(args.pkg);
const { provinces, regencies } = regions(source);

const organisationsText = readFileSync(ORGANISATIONS, 'utf8');
const organisations = JSON.parse(organisationsText);
if (formatOrganisations(organisations) !== organisationsText) {
  fail(`${ORGANISATIONS} is not in the generator's layout; format it as one entry per line first`);
}
organisations.source = `Provinces and regencies/cities with their Kemendagri codes (${OFFICIAL_SOURCE}): npm package `
  + `idn-area-data ${source.version} (https://github.com/fityannugroho/idn-area-data), data under the Open Database `
  + `License 1.0 (${ODBL_URL}); generated by tools/reference/generate-regions.mjs, see reference/README.md.`;
organisations.provinces = provinces;
organisations.regencies = regencies;

const formText = readFileSync(PROPOSAL_FORM, 'utf8');
const form = JSON.parse(formText);
// who may propose: ministries, provinces, regencies/cities (Organisations.proposers(), in its order)
const proposers = [
  ...organisations.ministries.map((m) => ({ label: m.name, value: `ministry-${m.code}` })),
  ...provinces.map((p) => ({ label: `Provinsi ${p.name}`, value: `province-${p.code}` })),
  ...regencies.map((r) => ({ label: r.name, value: `regency-${r.code}` })),
];
setOptions(form, 'proposerUnit', proposers);
// the partner of a Nota Kesepakatan (GR 28/2018 art. 46): a ministry for a region, a region for a ministry
setOptions(form, 'notaKesepakatanPartner', proposers.map((o) => ({ ...o })));
setOptions(form, 'locationProvinces', provinces.map((p) => ({ label: p.name, value: p.code })));
// the partner region of a KSDD: any province or regency/city
setOptions(form, 'partnerRegion', [
  ...provinces.map((p) => ({ label: `Provinsi ${p.name}`, value: `province-${p.code}` })),
  ...regencies.map((r) => ({ label: r.name, value: `regency-${r.code}` })),
]);

const outputs = [
  [ORGANISATIONS, organisationsText, formatOrganisations(organisations)],
  [PROPOSAL_FORM, formText, `${JSON.stringify(form, null, 2)}\n`],
];
let stale = false;
for (const [file, before, after] of outputs) {
  const name = file.slice(REPO.length + 1);
  if (before === after) {
    console.log(`${name}: up to date`);
  } else if (args.check) {
    console.log(`${name}: differs from idn-area-data ${source.version}`);
    stale = true;
  } else {
    writeFileSync(file, after);
    console.log(`${name}: written`);
  }
}
console.log(`idn-area-data ${source.version}: ${provinces.length} provinces, ${regencies.length} regencies/cities`);
process.exit(stale ? 1 : 0);

/**
 * Store packages: `wxt zip` makes a zip per browser and a sources zip for Firefox
 * reviewers that holds only what rebuilds the extension.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';

function zipEntries(path: string): string[] {
  const script = 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n');
}

function readZipText(path: string, entry: string): string {
  const script = 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())';
  return execFileSync('python3', ['-c', script, path, entry], { encoding: 'utf8' });
}

let zips: string[];
beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'zip'], { stdio: 'ignore' });
  zips = readdirSync('.output').filter((f) => f.endsWith('.zip'));
});

describe('store packages', () => {
  it('makes a Chrome zip, a Firefox zip and a sources zip', () => {
    expect(zips.some((z) => z.endsWith('-chrome.zip'))).toBe(true);
    expect(zips.some((z) => z.endsWith('-firefox.zip'))).toBe(true);
    expect(zips.some((z) => z.endsWith('-sources.zip'))).toBe(true);
  });

  it('gives the Firefox package its add-on id and a manifest that declares no data collection', () => {
    const zip = `.output/${zips.find((z) => z.endsWith('-firefox.zip'))}`;
    const manifest = JSON.parse(readZipText(zip, 'manifest.json'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko.id).toBe('newsmark@newsmark.dev');
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
  });

  it('puts only sources in the sources zip', () => {
    const entries = zipEntries(`.output/${zips.find((z) => z.endsWith('-sources.zip'))}`);
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'entrypoints/pipeline/index.ts', 'entrypoints/first-stage.ts']));
    const notSources = entries.filter((e) => /^(tests|bench|node_modules|\.output|\.wxt|demo-output)\//.test(e) || e.includes('../'));
    expect(notSources).toEqual([]);
  });
});

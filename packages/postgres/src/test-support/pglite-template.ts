import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * A fresh PGlite runs initdb, which takes seconds; loading a data-directory dump takes a fraction of
 * that. Tests share one dump in the temporary folder, keyed by the PGlite version, written atomically
 * (write, then rename) so parallel test files never read a partial one.
 */
export async function pgliteTemplate(): Promise<Blob> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
  const version = (manifest as { readonly version: string }).version;
  const folder = join(tmpdir(), 'kizuna-test');
  const file = join(folder, `pglite-${version}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const database = await PGlite.create();
  const dump = await database.dumpDataDir('none');
  await database.close();
  const bytes = new Uint8Array(await dump.arrayBuffer());
  mkdirSync(folder, { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return new Blob([bytes]);
}

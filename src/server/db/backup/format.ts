/**
 * The backup file: one line naming the format, one line of JSON (the manifest), then the payload — PGlite's
 * data folder as tar.gz, or pg_dump's custom-format archive. The manifest carries the payload's length and sha256
 * (a truncated or altered file is refused before anything is restored), the schema version (a backup from a newer
 * release is refused) and every table's row count with the access log's checksum (the restore proves itself).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { BackupContents } from './contents.ts';

export const magic = 'FULLFOLJ-BACKUP/1';

export interface BackupManifest {
  format: 'fullfolj-backup';
  formatVersion: 1;
  engine: 'pglite' | 'postgres';
  createdAt: string;
  /** The schema the data is in: migrations applied and the newest one's tag and `when`. */
  schema: { migrations: number; last: string | null; lastWhen: number };
  payload: { kind: 'pglite-datadir-tar-gz' | 'pg_dump-custom'; bytes: number; sha256: string };
  contents: BackupContents;
  /** The dump tool (pg_dump's --version), when one was used. */
  tool?: string;
}

/** The header that precedes the payload. */
export function encodeHeader(manifest: BackupManifest): Buffer {
  return Buffer.from(`${magic}\n${JSON.stringify(manifest)}\n`, 'utf8');
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Where the payload starts in the file. */
  payloadOffset: number;
}

/** A refusal about the backup file itself; the message is for the operator and carries no data. */
export class BackupFileError extends Error {}

/**
 * Reads and checks a backup file's header, then its payload's length and sha256. Refuses a file that is not a
 * Fullfölj backup, is truncated or was altered.
 */
export async function readBackup(file: string): Promise<OpenedBackup> {
  const handle = await open(file, 'r').catch(() => {
    throw new BackupFileError(`Säkerhetskopian ${file} går inte att läsa (the backup file cannot be read).`);
  });
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const first = head.indexOf(0x0a);
  const second = first < 0 ? -1 : head.indexOf(0x0a, first + 1);
  if (first < 0 || head.subarray(0, first).toString('utf8') !== magic) {
    throw new BackupFileError('Filen är ingen säkerhetskopia från Fullfölj (not a Fullfölj backup file).');
  }
  if (second < 0) throw new BackupFileError('Säkerhetskopian är avkortad: beskrivningen saknas (the backup file is truncated).');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(head.subarray(first + 1, second).toString('utf8')) as BackupManifest;
  } catch {
    throw new BackupFileError('Säkerhetskopians beskrivning går inte att läsa (the backup manifest is damaged).');
  }
  if (manifest.format !== 'fullfolj-backup' || manifest.formatVersion !== 1 || !manifest.payload || !manifest.contents) {
    throw new BackupFileError('Säkerhetskopian har ett okänt format (unknown backup format version).');
  }
  const payloadOffset = second + 1;
  const size = (await stat(file)).size;
  if (size - payloadOffset < manifest.payload.bytes) {
    throw new BackupFileError(
      `Säkerhetskopian är avkortad: ${size - payloadOffset} av ${manifest.payload.bytes} byte finns (the backup file is truncated).`,
    );
  }
  if (size - payloadOffset > manifest.payload.bytes) {
    throw new BackupFileError('Säkerhetskopian har data efter sitt slut (the backup file has trailing data).');
  }
  const digest = await sha256OfRange(file, payloadOffset);
  if (digest !== manifest.payload.sha256) {
    throw new BackupFileError('Säkerhetskopians kontrollsumma stämmer inte: filen är skadad (checksum mismatch: the file is damaged).');
  }
  return { manifest, payloadOffset };
}

async function sha256OfRange(file: string, start: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

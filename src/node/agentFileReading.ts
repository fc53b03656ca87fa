// Reading one agent file without trusting it: special files (FIFOs, sockets, devices) are refused before they are
// opened, a file is never read past the size Claude Code accepts whatever its size says, and every failure is an answer
// about that file rather than an exception.
import * as fs from 'node:fs';
import { MAX_AGENT_FILE_BYTES } from '../engine/lint/lint';

export type AgentFileRead =
  | { text: string; byteLength: number }
  /** Why the file cannot be read, as the end of "Cannot read this file: …". */
  | { unreadable: string };

// O_NONBLOCK: should a FIFO take the file's place between stat and open, the open returns at once instead of waiting
// for a writer. Windows has neither flag; there a FIFO cannot sit in a folder.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

export function readAgentFile(path: string): AgentFileRead {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    return { unreadable: describeFailure(error, path) };
  }
  if (!stat.isFile()) return { unreadable: `it is ${describeKind(stat)}, not a regular file` };
  if (stat.size > MAX_AGENT_FILE_BYTES) return { text: '', byteLength: stat.size };
  let descriptor: number;
  try {
    descriptor = fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { unreadable: describeFailure(error, path) };
  }
  try {
    const opened = fs.fstatSync(descriptor);
    if (!opened.isFile()) return { unreadable: `it is ${describeKind(opened)}, not a regular file` };
    return readAtMostTheLimit(descriptor, opened.size);
  } catch (error) {
    return { unreadable: describeFailure(error, path) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/** Reads to the end or one byte past the limit, whichever comes first: the size stat gave may already be stale. */
function readAtMostTheLimit(descriptor: number, expectedSize: number): AgentFileRead {
  let buffer = Buffer.allocUnsafe(Math.min(expectedSize, MAX_AGENT_FILE_BYTES) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_AGENT_FILE_BYTES) return { text: '', byteLength: length };
      const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_AGENT_FILE_BYTES + 1));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > MAX_AGENT_FILE_BYTES) return { text: '', byteLength: length };
  return { text: buffer.toString('utf8', 0, length), byteLength: length };
}

function describeKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function describeFailure(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return isSymbolicLink(path) ? 'it is a symbolic link to nothing (ENOENT)' : 'it no longer exists (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENXIO':
      return 'it is a socket or a device without a reader (ENXIO)';
    case 'ELOOP':
      return 'its symbolic links form a loop (ELOOP)';
    case 'EISDIR':
      return 'it is a directory (EISDIR)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

function isSymbolicLink(path: string): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// Admission checks on source text before parsing: size limit (EB1004) and binary content (EB1005).
// Bytes are decoded as strict UTF-8 here so that every stage after it sees well-formed text.

import { error, fail, ok, type Result } from '../diagnostics/diagnostic.js';

/** Largest accepted source, in bytes (UTF-8) or UTF-16 code units (text). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export function decodeSource(bytes: Uint8Array, source: string): Result<string> {
  if (bytes.length > MAX_SOURCE_BYTES) return tooLarge(bytes.length, source);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return binary(0, source, `bytes that are not UTF-8 (from byte ${firstInvalidUtf8(bytes)})`);
  }
  return checkText(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, source);
}

export function checkText(text: string, source: string): Result<string> {
  if (text.length > MAX_SOURCE_BYTES) return tooLarge(text.length, source);
  const control = /[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/.exec(text);
  if (control) {
    const code = text.charCodeAt(control.index).toString(16).toUpperCase().padStart(4, '0');
    return binary(control.index, source, code === '0000' ? 'a NUL character' : `the control character U+${code}`);
  }
  return ok(text);
}

function tooLarge(size: number, source: string): Result<string> {
  return fail(
    error('EB1004', `the input is ${(size / 1024 / 1024).toFixed(1)} MiB; the limit is 4 MiB`, { span: { source, start: 0, end: 0 } }),
  );
}

function binary(at: number, source: string, what: string): Result<string> {
  return fail(error('EB1005', `the input contains ${what}`, { span: { source, start: at, end: at + 1 } }));
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection (a prefix may end inside a valid sequence; good enough for a message).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

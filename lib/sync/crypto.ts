/**
 * End-to-end encryption of record bodies with WebCrypto. The passphrase never leaves the
 * device: PBKDF2-SHA256 turns it and a per-database salt into an AES-GCM key (bodies) and an
 * HMAC key (document ids, so the server does not learn article URLs or record ids).
 * The salt and iteration count live in a key-check document on the server, with a known
 * text encrypted under the key: a wrong passphrase fails to open it, before anything is written.
 */
import { SyncError } from './errors';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
const KEY_CHECK_TEXT = 'newsmark key check v1';
const IV_BYTES = 12;

export interface SyncKeys {
  encryption: CryptoKey;
  ids: CryptoKey;
}

/** The key-check document's fields (besides `_id`/`_rev`). */
export interface KeyCheck {
  salt: string;
  iterations: number;
  check: string;
}

const encoder = new TextEncoder();

export async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<SyncKeys> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations }, material, 512));
  const [encryption, ids] = await Promise.all([
    crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { encryption, ids };
}

/**
 * Encrypts `plaintext` bound to `context` (the document id, as additional data: a body
 * moved to another document fails to decrypt). Returns base64 of IV followed by ciphertext.
 */
export async function seal(keys: SyncKeys, context: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, keys.encryption, encoder.encode(plaintext));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64(out);
}

/** Decrypts what `seal` made; null when the key is wrong or the data was altered. */
export async function open(keys: SyncKeys, context: string, sealed: string): Promise<string | null> {
  try {
    const data = fromBase64(sealed);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: data.subarray(0, IV_BYTES), additionalData: encoder.encode(context) },
      keys.encryption,
      data.subarray(IV_BYTES),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** A server document id for a local record key that reveals nothing about it. */
export async function blindId(keys: SyncKeys, localKey: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.ids, encoder.encode(localKey)));
  return toBase64(mac.subarray(0, 18)).replace(/\+/g, '-').replace(/\//g, '_');
}

/** A new key-check for a database that has none yet. */
export async function createKeyCheck(passphrase: string, iterations = DEFAULT_ITERATIONS): Promise<{ keys: SyncKeys; keyCheck: KeyCheck }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  return { keys, keyCheck: { salt: toBase64(salt), iterations, check: await seal(keys, 'key-check', KEY_CHECK_TEXT) } };
}

/** Derives the keys from the database's key-check; a wrong passphrase throws 'wrong-passphrase'. */
export async function unlock(passphrase: string, keyCheck: KeyCheck): Promise<SyncKeys> {
  if (typeof keyCheck.salt !== 'string' || !Number.isInteger(keyCheck.iterations) || keyCheck.iterations < 1 || typeof keyCheck.check !== 'string') {
    throw new SyncError('bad-response', 'The key-check document on the server is malformed.');
  }
  const keys = await deriveKeys(passphrase, fromBase64(keyCheck.salt), keyCheck.iterations);
  if ((await open(keys, 'key-check', keyCheck.check)) !== KEY_CHECK_TEXT) {
    throw new SyncError('wrong-passphrase', 'The passphrase does not match the one this database was encrypted with. Nothing was synced.');
  }
  return keys;
}

function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

function toBase64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

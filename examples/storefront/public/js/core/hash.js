/**
 * Derives the shopper's user id from their email without ever sending the email:
 * `u_` + the first 32 hex digits of SHA-256 of the trimmed, lower-cased address.
 * The same email always gives the same id, so orders join up across devices.
 */
export async function userIdFromEmail(email) {
  const normalized = String(email).trim().toLowerCase();
  const bytes = new TextEncoder().encode(normalized);
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return `u_${toHex(new Uint8Array(digest)).slice(0, 32)}`;
  }
  // crypto.subtle exists only in secure contexts; on a LAN address fall back to FNV-1a.
  return `u_fnv${fnv1a(bytes)}`;
}

function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

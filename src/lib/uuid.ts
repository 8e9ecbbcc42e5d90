// Random bytes are drawn in blocks: one call into the browser's RNG costs ~2 µs, as much as
// the rest of a track() call, while formatting an id from a buffer costs a fraction of that.
const BLOCK = 4096; // bytes: 256 ids per draw

let pool: Uint8Array | undefined;
let used = BLOCK;
let hex: string[] | undefined;

/**
 * A random RFC 4122 version-4 UUID (event and chunk ids). Bytes come from
 * crypto.getRandomValues, drawn in blocks, or Math.random where there is no crypto:
 * ids only need to be unique, not secret.
 */
export function uuid(): string {
  if (used >= BLOCK) {
    pool = draw();
    used = 0;
  }
  const b = pool!;
  const at = used;
  used += 16;
  b[at + 6] = (b[at + 6]! & 0x0f) | 0x40; // version 4
  b[at + 8] = (b[at + 8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = (hex ||= Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1)));
  let id = '';
  for (let i = 0; i < 16; i++) id += (i == 4 || i == 6 || i == 8 || i == 10 ? '-' : '') + h[b[at + i]!];
  return id;
}

function draw(): Uint8Array {
  const bytes = new Uint8Array(BLOCK);
  const c = (globalThis as { crypto?: Crypto }).crypto;
  try {
    // getRandomValues fills at most 65,536 bytes a call; BLOCK is well under that.
    return c!.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < BLOCK; i++) bytes[i] = Math.random() * 256;
    return bytes;
  }
}

let table: Uint32Array | undefined;

// Built on first use, not at import: nothing in the SDK runs when a module loads.
const crcTable = (): Uint32Array => {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
};

/** CRC-32 (IEEE 802.3, the one zlib and PNG use) of `bytes[start, end)`, as an unsigned number. */
export const crc32 = (bytes: Uint8Array, start = 0, end = bytes.length): number => {
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

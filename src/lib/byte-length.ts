/**
 * UTF-8 size of a text in bytes. Events are limited by the size of their JSON and batches
 * are budgeted in bytes (the 64 KiB keepalive budget), so the core and the transport
 * measure the same way.
 */
export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

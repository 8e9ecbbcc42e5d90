/**
 * Gzips a request body with the browser's CompressionStream, for
 * `collector({ endpoint, compress: gzip })`; undefined (send it as it is) where there is
 * none. A separate import, so a bundle without it carries none of it.
 */
export const gzip = (body: string): Promise<Blob> | undefined => {
  if (typeof CompressionStream == 'function') return new Response(new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
};

import type { Page } from 'playwright-core';

/**
 * The codes of the error reports that sightline logs in debug mode (`data-debug="true"`,
 * which logs every hook as `[sightline] <hook> <payload>`), from every frame of the page,
 * in order. The array fills as the page logs.
 */
export function collectReports(page: Page): string[] {
  const codes: string[] = [];
  page.on('console', async (message) => {
    const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined)));
    if (args[0] === '[sightline]' && args[1] === 'error') codes.push(String(args[2]?.code));
  });
  return codes;
}

import { describe, expect, it, vi } from 'vitest';
import { errors } from '../../src/capture';
import { useCaptureSpec, withPlugins, type FakeClient } from '../utils/capture-client';

let client: FakeClient | undefined;

useCaptureSpec();

function throwOnPage(message: string, at: { filename?: string; lineno?: number; colno?: number } = {}, error: unknown = new TypeError(message)): void {
  window.dispatchEvent(new ErrorEvent('error', { message, filename: at.filename ?? 'https://shop.example/js/app.js?v=3#x', lineno: at.lineno ?? 10, colno: at.colno ?? 5, error }));
}

function reject(reason: unknown): void {
  const event = new Event('unhandledrejection') as Event & { reason: unknown; promise: Promise<unknown> };
  Object.assign(event, { reason, promise: Promise.resolve() });
  window.dispatchEvent(event);
}

describe('errors', () => {
  it('sends "Page Error" for an uncaught error, with the script path only', async () => {
    client = await withPlugins([errors()]);
    throwOnPage("Cannot read properties of undefined (reading 'price')");
    expect(client.tracked('Page Error')).toEqual([
      { type: 'error', errorName: 'TypeError', message: "Cannot read properties of undefined (reading 'price')", source: '/js/app.js', line: 10, col: 5 },
    ]);
  });

  it('sends "Page Error" for an unhandled rejection', async () => {
    client = await withPlugins([errors()]);
    reject(new RangeError('cart is full'));
    reject('plain string reason');
    reject({ status: 500 });
    reject(null);
    expect(client.tracked('Page Error').map((e) => e.errorName)).toEqual(['RangeError', 'string', 'object', 'object']);
    expect(client.tracked('Page Error').slice(0, 2)).toEqual([
      { type: 'unhandledrejection', errorName: 'RangeError', message: 'cart is full', source: '', line: 0, col: 0 },
      { type: 'unhandledrejection', errorName: 'string', message: 'plain string reason', source: '', line: 0, col: 0 },
    ]);
  });

  it('collapses the same error repeated within a minute into one event', async () => {
    client = await withPlugins([errors()]);
    for (let i = 0; i < 50; i++) throwOnPage('boom');
    expect(client.tracked('Page Error')).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    throwOnPage('boom');
    expect(client.tracked('Page Error')).toHaveLength(2);
  });

  it('sends at most 10 errors a minute', async () => {
    client = await withPlugins([errors()]);
    for (let i = 0; i < 25; i++) throwOnPage(`error ${i}`);
    expect(client.tracked('Page Error')).toHaveLength(10);
    vi.advanceTimersByTime(60_000);
    throwOnPage('error 99');
    expect(client.tracked('Page Error')).toHaveLength(11);
  });

  it('uses maxPerMinute', async () => {
    client = await withPlugins([errors({ maxPerMinute: 2 })]);
    for (let i = 0; i < 5; i++) throwOnPage(`error ${i}`);
    expect(client.tracked('Page Error')).toHaveLength(2);
  });

  it.each([NaN, '2', -1, null, [Object.create(null)]])('keeps the default of 10 per minute for a maxPerMinute of %s', async (max) => {
    client = await withPlugins([errors({ maxPerMinute: max as never })]);
    for (let i = 0; i < 15; i++) throwOnPage(`error ${i}`);
    expect(client.tracked('Page Error')).toHaveLength(10);
  });

  it('cuts messages to 300 characters and collapses their whitespace', async () => {
    client = await withPlugins([errors()]);
    throwOnPage(`line one\n\n   line two ${'x'.repeat(1000)}`);
    const message = client.tracked('Page Error')[0]?.message as string;
    expect(message.startsWith('line one line two x')).toBe(true);
    expect(message).toHaveLength(300);
  });

  it('ignores messages matching the ignore option', async () => {
    client = await withPlugins([errors({ ignore: [/ResizeObserver loop/] })]);
    throwOnPage('ResizeObserver loop completed with undelivered notifications.');
    expect(client.calls).toEqual([]);
  });

  it('takes one pattern from plain JavaScript as a list of one, and matches nothing with what is no pattern', async () => {
    client = await withPlugins([errors({ ignore: /ResizeObserver loop/ as never })]);
    throwOnPage('ResizeObserver loop completed with undelivered notifications.');
    expect(client.calls).toEqual([]);
    await client.destroy();
    client = await withPlugins([errors({ ignore: ['ResizeObserver', Object.create(null)] as never })]);
    throwOnPage('ResizeObserver loop completed with undelivered notifications.');
    expect(client.tracked('Page Error')).toHaveLength(1);
    expect(client.errors).toEqual([]);
  });

  it('removes its listeners on teardown', async () => {
    client = await withPlugins([errors()]);
    await client.destroy();
    throwOnPage('late');
    expect(client.calls).toEqual([]);
  });
});

describe('errors: ignore patterns', () => {
  it('drops every matching message, also with a /g pattern (whose test() starts where it last matched)', async () => {
    const c = await withPlugins([errors({ ignore: [/ResizeObserver loop/g] })]);
    throwOnPage('ResizeObserver loop limit exceeded');
    vi.advanceTimersByTime(1);
    throwOnPage('ResizeObserver loop limit exceeded', { lineno: 11 });
    vi.advanceTimersByTime(1);
    throwOnPage('ResizeObserver loop completed with undelivered notifications.');
    expect(c.tracked('Page Error')).toEqual([]);
  });
});

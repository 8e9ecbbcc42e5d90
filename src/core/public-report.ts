import type { ErrorSource } from '../types';
import { CORE_ERRORS } from './errors';
import type { Hooks } from './hooks';

/**
 * `client.reportError(report)` for plugins. It takes anything: a report without a string
 * code becomes `core/invalid-report`, a source outside the four known ones becomes `sdk`.
 */
export function publicReport(report: Hooks['report'], r: unknown): void {
  const { code, message, source, detail } = Object(r) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  report(
    typeof code == 'string' && code ? code : CORE_ERRORS.invalidReport,
    Object(detail) === detail ? detail : undefined,
    /^(sdk|input|user|network)$/.test(source) ? (source as ErrorSource) : 'sdk',
    typeof message == 'string' ? message : undefined,
  );
}

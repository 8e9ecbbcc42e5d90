import type { Plugin } from '../../types';
import { onPageExit } from '../../lib/on-page-exit';
import { capturePlugin } from '../shared/scope';
import { createOptOut, eventElement } from '../shared/opt-out';
import { onNavigation, pageKey } from '../shared/navigation';
import { blur, FIELDS, focusField, MAX_FORMS, newFormState, summary, type FormState } from './form-state';

/** Options of {@link forms}. */
export interface FormsOptions {
  /** Forms or fields (and their descendants) never captured, as CSS selectors. `[data-sl-no-capture]` always applies. */
  denySelectors?: string[];
}

/**
 * Form analytics without ever reading a value: "Form Started" (first focus in a form),
 * "Form Submitted" and "Form Abandoned" (touched, not submitted, when the page is left or
 * hidden, or on SPA navigation), with per-field focus/blur counts and time spent.
 * Forms that are abandoned once are not reported again on the same page.
 */
export function forms(options: FormsOptions = {}): Plugin {
  return capturePlugin('forms', (scope) => {
    const optedOut = createOptOut(scope, options.denySelectors);
    let states = new Map<HTMLFormElement, FormState>();
    let page = pageKey();
    const track = (event: string, state: FormState, extra = {}): void =>
      scope.client.track(event, { ...summary(state, Date.now()), ...extra });

    const fieldOf = (event: Event): { el: Element; form: HTMLFormElement } | undefined => {
      const el = eventElement(event);
      const form = el?.matches(FIELDS) ? el.closest('form') : null;
      return el && form && !optedOut(el) ? { el, form } : undefined;
    };
    const stateOf = (form: HTMLFormElement): FormState | undefined => {
      let state = states.get(form);
      if (!state && states.size < MAX_FORMS) states.set(form, (state = newFormState(form)));
      return state;
    };
    const abandon = (): void => {
      for (const state of states.values()) {
        if (state.submitted || state.abandoned || !state.fields.size) continue;
        state.abandoned = true;
        blur(state, Date.now());
        track('Form Abandoned', state, { lastField: state.last?.name ?? '' });
      }
    };

    scope.on(document, 'focusin', (event) => {
      const hit = fieldOf(event);
      const state = hit && stateOf(hit.form);
      if (!hit || !state) return;
      if (!state.fields.size) track('Form Started', state);
      focusField(state, hit.el, Date.now());
    });
    scope.on(document, 'focusout', (event) => {
      const hit = fieldOf(event);
      const state = hit && states.get(hit.form);
      if (state) blur(state, Date.now());
    });
    scope.on(document, 'submit', (event) => {
      const form = eventElement(event);
      if (form?.tagName !== 'FORM' || optedOut(form)) return;
      const state = stateOf(form as HTMLFormElement);
      if (!state) return;
      blur(state, Date.now());
      state.submitted = true;
      track('Form Submitted', state);
    }, { capture: true });

    scope.add(onPageExit(scope.safe(abandon)));
    onNavigation(scope, 'leave', () => {
      if (pageKey() === page) return;
      abandon();
      states = new Map();
      page = pageKey();
    });
  });
}

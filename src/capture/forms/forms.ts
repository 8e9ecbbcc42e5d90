import type { Plugin } from '../../types';
import { capturePlugin } from '../shared/scope';
import { createFinder } from '../shared/opt-out';
import { onPageEnd } from '../shared/navigation';
import { FIELDS, MAX_FORMS, trackForm, type FormTracker } from './form-state';

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
export function forms({ denySelectors }: FormsOptions = {}): Plugin {
  return capturePlugin('forms', (scope) => {
    const find = createFinder(scope, denySelectors);
    let trackers = new Map<Element, FormTracker>();
    const trackerOf = (form: Element | null, create?: boolean): FormTracker | undefined => {
      let tracker = form ? trackers.get(form) : undefined;
      if (form && !tracker && create && trackers.size < MAX_FORMS) trackers.set(form, (tracker = trackForm(form, (event, properties) => scope.client.track(event, properties))));
      return tracker;
    };
    const field = (event: Event, create?: boolean): [Element, FormTracker] | null | undefined => {
      const el = find(event, FIELDS);
      const tracker = el && trackerOf(el.closest('form'), create);
      return tracker && [el, tracker];
    };

    scope.on(document, 'focusin', (event) => {
      const hit = field(event, true);
      if (hit) hit[1].focus(hit[0]);
    });
    scope.on(document, 'focusout', (event) => {
      const hit = field(event);
      if (hit) hit[1].blur();
    });
    scope.on(document, 'submit', (event) => {
      const form = find(event);
      const tracker = form && form.tagName === 'FORM' && trackerOf(form, true);
      if (tracker) tracker.submit();
    }, { capture: true });
    onPageEnd(scope, (next) => {
      trackers.forEach((tracker) => tracker.abandon());
      if (next) trackers = new Map();
    });
  });
}

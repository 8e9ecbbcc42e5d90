import type { Plugin, Properties } from '../../types';
import { capturePlugin } from '../shared/scope';
import { createFinder } from '../shared/opt-out';
import { onPageEnd } from '../shared/navigation';
import { MAX_FIELDS, MAX_FORMS } from '../constants';

/** Options of {@link forms}. */
export interface FormsOptions {
  /** Forms or fields (and their descendants) never captured, as CSS selectors. `[data-sl-no-capture]` always applies. */
  denySelectors?: string[];
}

/** What counts as a field: things a shopper fills in, not buttons or hidden inputs. */
const FIELDS = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]),select,textarea';

/** Focus statistics of one field, keyed by its name (never its value). */
interface FieldStats {
  name: string;
  type: string;
  focusCount: number;
  blurCount: number;
  timeMs: number;
}

/** One form of the current page, from its first focus (or its submit). */
interface FormState {
  form: Element;
  /** Touched fields, in the order of their first focus. */
  fields: FieldStats[];
  path: string;
  /** The page the form was on: its action resolves against it, even after an SPA navigation. */
  href: string;
  startedAt: number;
  /** The field focused last (set with the first field, before any report needs it). */
  lastField?: string;
  /** Submitted or abandoned: nothing more to report at page end. */
  done?: boolean;
}

/**
 * Form analytics without ever reading a value: "Form Started" (first focus in a form),
 * "Form Submitted" and "Form Abandoned" (touched, not submitted, when the page is left or
 * hidden, or on SPA navigation), with per-field focus/blur counts and time spent.
 * Forms that are abandoned once are not reported again on the same page. Only one field
 * on the page has focus at a time, so one focus clock serves every form. Attributes only:
 * the SDK never touches `.value`, `.checked` or `.files`, and reads the form's `id`,
 * `name` and `action` with `getAttribute` (`form.action` would return a field named "action").
 */
export const forms = (options?: FormsOptions): Plugin => {
  // Plain JavaScript may pass null: the defaults, as for no options.
  const { denySelectors } = Object(options) as FormsOptions;
  return capturePlugin('forms', (scope) => {
    const find = createFinder(scope, denySelectors);
    let states: FormState[] = [];
    let focused: FieldStats | undefined;
    let since = 0;
    const blur = (): void => {
      if (focused) {
        focused.blurCount++;
        focused.timeMs += Date.now() - since;
      }
      focused = undefined;
    };
    const stateOf = (form: Element | null): FormState | undefined => {
      let state = states.find((s) => s.form == form);
      if (form && !state && states.length < MAX_FORMS) states.push((state = { form, fields: [], path: location.pathname, href: location.href, startedAt: Date.now() }));
      return state;
    };
    // The core copies the properties as it sanitizes them: later focus changes do not
    // alter a sent event.
    const send = ({ form, fields, path, href, startedAt }: FormState, event: string, extra?: Properties): void => {
      // The focused field's time so far counts; it keeps its focus (an in-page submit by Enter).
      if (focused) {
        focused.timeMs += Date.now() - since;
        since = Date.now();
      }
      let action = '';
      try {
        action = new URL(form.getAttribute('action') || '', href).pathname;
      } catch {
        // An unparsable action stays empty.
      }
      scope.client.track(event, {
        formId: form.getAttribute('id') || '',
        formName: form.getAttribute('name') || '',
        action,
        path,
        fieldCount: form.querySelectorAll(FIELDS).length,
        fieldsTouched: fields.length,
        durationMs: Date.now() - startedAt,
        fields,
        ...extra,
      });
    };

    scope.on(document, 'focusin', (event) => {
      const el = find(event, FIELDS);
      const state = el && stateOf(el.closest('form'));
      if (!state) return;
      if (!state.fields.length) send(state, 'Form Started');
      // An input's `type` property is its type normalized (lowercase, `text` when missing
      // or unknown).
      const tag = el!.tagName.toLowerCase();
      const type = tag == 'input' ? (el as HTMLInputElement).type : tag;
      const name = (el!.getAttribute('name') || el!.getAttribute('id') || type).slice(0, 50);
      let field = state.fields.find((f) => f.name == name);
      if (!field && state.fields.length < MAX_FIELDS) state.fields.push((field = { name, type, focusCount: 0, blurCount: 0, timeMs: 0 }));
      if (!field) return;
      blur();
      state.lastField = name;
      field.focusCount++;
      focused = field;
      since = Date.now();
    });
    // Focus leaves the one focused field first: whatever loses it, that field's time ends.
    scope.on(document, 'focusout', blur);
    scope.on(document, 'submit', (event) => {
      const form = find(event);
      const state = form && form.tagName == 'FORM' && stateOf(form);
      if (!state) return;
      state.done = true;
      send(state, 'Form Submitted');
    }, { capture: true });
    onPageEnd(scope, (next) => {
      for (const state of states) {
        if (state.done || !state.fields.length) continue;
        state.done = true;
        send(state, 'Form Abandoned', { lastField: state.lastField });
      }
      if (next) states = [];
    });
  });
};

import type { Properties } from '../../types';

/** What counts as a field: things a shopper fills in, not buttons or hidden inputs. */
export const FIELDS = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]),select,textarea';
/** Bounds per page: a form builder gone wild must not grow events or memory without end. */
export const MAX_FORMS = 20;
export const MAX_FIELDS = 50;

/** Focus statistics of one field, keyed by its name (never its value). */
export interface FieldStats {
  name: string;
  type: string;
  focusCount: number;
  blurCount: number;
  timeMs: number;
}

/** One form on the current page, as the plugin follows it. */
export interface FormTracker {
  /** A field of the form got focus: sends "Form Started" on the first one. */
  focus(field: Element): void;
  /** The focused field lost focus. */
  blur(): void;
  /** Sends "Form Submitted". */
  submit(): void;
  /** Sends "Form Abandoned" if the form was touched and neither submitted nor abandoned. */
  abandon(): void;
}

/**
 * Name and type of a field, from attributes only: the SDK never touches `.value`,
 * `.checked` or `.files`, so what a shopper types (passwords, cards, emails) is never read.
 */
export function fieldStats(el: Element): FieldStats {
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : tag;
  return { name: (el.getAttribute('name') || el.getAttribute('id') || type).slice(0, 50), type, focusCount: 0, blurCount: 0, timeMs: 0 };
}

/**
 * Follows one form from its first focus: per-field focus counts and time, and the form
 * events with their properties. `getAttribute` only: `form.id`, `form.name` and
 * `form.action` return a field instead when one is named "id", "name" or "action".
 */
export function trackForm(form: Element, send: (event: string, properties: Properties) => void): FormTracker {
  const fields = new Map<string, FieldStats>();
  const path = location.pathname;
  const startedAt = Date.now();
  let focused: FieldStats | undefined;
  let since = 0;
  let lastField = '';
  let done = false;
  const blur = (): void => {
    if (focused) {
      focused.blurCount++;
      focused.timeMs += Date.now() - since;
    }
    focused = undefined;
  };
  const emit = (event: string, extra?: Properties): void => {
    blur();
    let action = '';
    try {
      action = new URL(form.getAttribute('action') || location.href, location.href).pathname;
    } catch {
      // An unparsable action stays empty.
    }
    const touched = [...fields.values()].map((field) => ({ ...field }));
    send(event, {
      formId: form.getAttribute('id') || '',
      formName: form.getAttribute('name') || '',
      action,
      path,
      fieldCount: form.querySelectorAll(FIELDS).length,
      fieldsTouched: touched.length,
      durationMs: Date.now() - startedAt,
      fields: touched,
      ...extra,
    });
  };
  return {
    focus(el) {
      if (!fields.size) emit('Form Started');
      const stats = fieldStats(el);
      const field = fields.get(stats.name) || (fields.size < MAX_FIELDS ? stats : undefined);
      if (!field) return;
      blur();
      fields.set((lastField = field.name), field);
      field.focusCount++;
      focused = field;
      since = Date.now();
    },
    blur,
    submit() {
      done = true;
      emit('Form Submitted');
    },
    abandon() {
      if (done || !fields.size) return;
      done = true;
      emit('Form Abandoned', { lastField });
    },
  };
}

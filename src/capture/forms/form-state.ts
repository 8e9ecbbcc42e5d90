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

/** What the plugin knows about one form on the current page. */
export interface FormState {
  form: HTMLFormElement;
  path: string;
  startedAt: number;
  fields: Map<string, FieldStats>;
  last?: FieldStats;
  focused?: { field: FieldStats; since: number };
  submitted: boolean;
  abandoned: boolean;
}

/**
 * Name and type of a field, from attributes only: the SDK never touches `.value`,
 * `.checked` or `.files`, so what a shopper types (passwords, cards, emails) is never read.
 */
export function fieldStats(el: Element): FieldStats {
  const tag = el.tagName.toLowerCase();
  const type = tag === 'input' ? (el.getAttribute('type') ?? 'text').toLowerCase() : tag;
  const name = (el.getAttribute('name') ?? el.getAttribute('id') ?? type).slice(0, 50);
  return { name, type, focusCount: 0, blurCount: 0, timeMs: 0 };
}

/** The state of a form first touched now. */
export const newFormState = (form: HTMLFormElement): FormState => ({
  form,
  path: location.pathname,
  startedAt: Date.now(),
  fields: new Map(),
  submitted: false,
  abandoned: false,
});

/** Starts a focus stretch on field `el`, ending the previous one; ignored past {@link MAX_FIELDS}. */
export function focusField(state: FormState, el: Element, now: number): void {
  const stats = fieldStats(el);
  const field = state.fields.get(stats.name) ?? (state.fields.size < MAX_FIELDS ? stats : undefined);
  if (!field) return;
  blur(state, now);
  state.fields.set(field.name, field);
  field.focusCount++;
  state.last = field;
  state.focused = { field, since: now };
}

/** Ends the focus stretch of the focused field, adding its time. */
export function blur(state: FormState, now: number): void {
  if (!state.focused) return;
  state.focused.field.blurCount++;
  state.focused.field.timeMs += now - state.focused.since;
  state.focused = undefined;
}

/**
 * The properties of a form event. `getAttribute` only: `form.id`, `form.name` and
 * `form.action` return a field instead when one is named "id", "name" or "action".
 */
export function summary(state: FormState, now: number): Properties {
  const { form } = state;
  let action = '';
  try {
    action = new URL(form.getAttribute('action') || location.href, location.href).pathname;
  } catch {
    // An unparsable action stays empty.
  }
  const fields = [...state.fields.values()].map((field) => ({ ...field }));
  return {
    formId: form.getAttribute('id') ?? '',
    formName: form.getAttribute('name') ?? '',
    action,
    path: state.path,
    fieldCount: form.querySelectorAll(FIELDS).length,
    fieldsTouched: fields.length,
    durationMs: now - state.startedAt,
    fields,
  };
}

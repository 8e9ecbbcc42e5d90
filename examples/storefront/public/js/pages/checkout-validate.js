/**
 * Validates a checkout form: required fields, email shape and card details. Marks
 * invalid fields with aria-invalid and a message, focuses the first, and returns the
 * form's values — or null when something needs fixing.
 */
const RULES = {
  email: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email like name@example.com'],
  cardNumber: [/^(\d[ -]?){12,18}\d$/, 'Enter the 13–19 digits on the front of the card'],
  expiry: [/^(0[1-9]|1[0-2])\/\d{2}$/, 'Use MM/YY'],
  cvc: [/^\d{3,4}$/, '3 or 4 digits'],
};

function check(input) {
  const value = input.value.trim();
  if (!value) return 'Required';
  const rule = RULES[input.name];
  return rule && !rule[0].test(value) ? rule[1] : '';
}

function mark(input, message) {
  const id = `${input.id}-error`;
  input.closest('.field').querySelector(`#${id}`)?.remove();
  if (!message) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    return;
  }
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
  input.insertAdjacentHTML('afterend', `<span class="error-text" id="${id}">${message}</span>`);
}

/** Returns the form's values when valid, else null (and shows what is wrong). */
export function validate(form) {
  let firstInvalid = null;
  for (const input of form.querySelectorAll('input[required]')) {
    if (input.closest('[hidden]')) continue; // card fields while PayPal is chosen
    const message = check(input);
    mark(input, message);
    if (message && !firstInvalid) firstInvalid = input;
  }
  if (firstInvalid) {
    firstInvalid.focus();
    return null;
  }
  return Object.fromEntries(new FormData(form).entries());
}

/** A sign-up's refusals in both languages (closed, full, already signed up), answered in the request's. */
import type { Label } from '../../../shared/contract/endpoint.ts';
import { HttpError } from '../../platform/errors.ts';

export class SignupRefusal extends HttpError {
  constructor(readonly text: Label) {
    super(409, text.sv);
  }
}

export const closed = () => new SignupRefusal({ sv: 'Anmälan till evenemanget har stängt.', en: 'Sign-up for this event has closed.' });
export const full = () => new SignupRefusal({ sv: 'Evenemanget är fullbokat.', en: 'The event is fully booked.' });
export const duplicate = () =>
  new SignupRefusal({
    sv: 'Den e-postadressen är redan anmäld till evenemanget.',
    en: 'That e-mail address is already signed up for this event.',
  });

// The page-errors add-on (dist/sightline-errors.iife.js), loaded by the main script beside
// itself when `data-autocapture` lists `errors` (it is opt-in, so most pages never load it).
import { errors } from '../capture';
import { registerAddon } from './register-addon';

registerAddon('__sightlineErrors', () => errors());

// The web-vitals add-on (dist/sightline-vitals.iife.js), loaded by the main script beside
// itself when `data-autocapture` includes vitals. web-vitals observes with `buffered: true`,
// so metrics that happened before this file arrived are still reported.
import { vitals } from '../capture';
import { registerAddon } from './register-addon';

registerAddon('__sightlineVitals', vitals);

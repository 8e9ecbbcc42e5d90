import { registerRecommendationsSection } from './debug-section.js';
import { startRecommendations } from './engine.js';

/**
 * Injected by the storefront server as the first module of every page (see
 * examples/storefront/reco/inject.ts): registers the recommender before the page sends
 * its first commerce event, and its section in the debug panel.
 */
startRecommendations();
registerRecommendationsSection();

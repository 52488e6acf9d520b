// The FAQ data entry point, `@kizuna/chat/faq-data`: the Japanese FAQ set of the noise service. A
// subpath of its own so that the entries (several kilobytes of text) stay out of the main entry.

export { noiseServiceFaq } from '../faq/noise-service-faq';

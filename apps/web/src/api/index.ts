// Typed client for the atlas API (same origin).
export { ApiError } from './http.ts'; // failures, with the problem+json body when there is one
export type { ApiErrorKind, Fetch } from './http.ts';
export { createApiClient, PAGE_SIZE_FEATURES } from './layers.ts'; // the layer endpoints
export type { ApiClient, FeaturePage, LayerInfo, LayerList } from './layers.ts';

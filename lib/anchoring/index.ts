export { describe } from './describe';
export { anchor, anchorAll } from './anchor';
export { prepareText, type PreparedText } from './prepared-text';
export * from './types';
export { anchorInSlices, SLICE_BUDGET_MS, type AnchorPass, type Anchoring, type SliceScheduler } from './slices';

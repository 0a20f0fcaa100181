export { describe } from './describe';
export { anchor, anchorAll } from './anchor';
export { prepareText, type PreparedText } from './prepared-text';
export * from './types';

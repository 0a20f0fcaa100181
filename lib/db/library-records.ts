/** The library's record shapes are contracts (lib/contracts/records.ts): every context reads them. */
export {
  HIGHLIGHT_COLOURS,
  type ArticleChanges, type ArticleInput, type ArticleRecord, type HighlightChanges, type HighlightColour, type HighlightInput,
  type HighlightRecord, type MetaEntry, type SavedEntity, type SyncedRecord,
} from '../contracts/records';

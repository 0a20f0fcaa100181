import type { Clock, TextRegister } from './body';

/**
 * Sync bookkeeping for one library record, in the `syncRecords` table (schema v3) beside it.
 * The record itself keeps its plain shape; what only sync needs lives here.
 */
export interface SyncRecordState {
  /** `kind:id`, e.g. "highlight:6f1c...". */
  key: string;
  /** The server revision this record was last merged with or pushed as; absent before its first push. */
  rev?: string;
  /** Every kept version of the record's texts (notes), conflict copies included. */
  texts: Record<string, TextRegister>;
  /** 1 when the server holds exactly this record's state at `rev`; 0 while a push is due. */
  synced: 0 | 1;
  /** The record's `updatedAt` when `synced` was decided: a later stamp means a local edit since. */
  stamp: Clock;
}

export type { SyncRecordState } from '../contracts/sync';

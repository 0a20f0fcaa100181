/** The recogniser's contract: what `recognize` returns (a contract: lib/contracts/entities.ts) and takes. */
export type { Entity, EntityType } from '../contracts/entities';

export interface RecognizeOptions {
  /** The reader's own company names, marked wherever they appear capitalised as written. */
  extraCompanies?: string[];
  /** Names or ids the reader does not want marked. */
  ignoredCompanies?: string[];
}

/** What `recognize` takes besides the text (what it returns, Entity, is a contract: lib/contracts/entities.ts). */
export interface RecognizeOptions {
  /** The reader's own company names, marked wherever they appear capitalised as written. */
  extraCompanies?: string[];
  /** Names or ids the reader does not want marked. */
  ignoredCompanies?: string[];
}

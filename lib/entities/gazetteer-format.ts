/**
 * The shape of the compiled gazetteer, apart from both its writer (scripts/gazetteer/compile.ts)
 * and its reader (gazetteer.ts), so the generated data can name it without importing its reader.
 */

/** The compiled gazetteer: what scripts/build-gazetteer.ts writes into gazetteer-data.ts. */
export interface GazetteerData {
  /**
   * One company a line, sorted by the key of the name's first word:
   * name|aliases other than the name (tokens joined by spaces, ";" between)|EXCHANGE:TICKER;...|flags|blockers.
   */
  records: string;
  /** "KEY line,line" sorted by key: records with an alias whose first word is not the name's. */
  otherFirstWords: string;
  /** Keys of the first words of names that start with a lower-case letter ("EBAY"), space-joined. */
  lowerFirstWords: string;
  /** Country names, one a line: a record's country field is an index here (base 36). */
  countries?: string;
  /** Industry names, one a line, likewise. */
  industries?: string;
}

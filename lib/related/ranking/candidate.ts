/** A document of the index with its score: what the ranking passes between its steps. */
export interface Candidate {
  doc: number;
  score: number;
}

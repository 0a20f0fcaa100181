/**
 * What the recogniser finds in a text: sent from the background to pages, saved with articles.
 * lib/entities makes these; everything else only reads them.
 */
export type EntityType = 'company' | 'money' | 'percent' | 'number';

export interface Entity {
  type: EntityType;
  /** UTF-16 offsets into the text given to `recognize`, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** money, percent, number: the amount as a plain number (a range: its lower end). */
  value?: number;
  /** money: ISO 4217 code. */
  currency?: string;
  /** company: stable id (gazetteer slug, or "x:" + slug for names found by rules). */
  id?: string;
  /** company: display name. */
  name?: string;
  /** company: primary listing as "EXCHANGE:SYMBOL", when known. */
  ticker?: string;
  /**
   * company facts, where the gazetteer has them: country and industry names, the website's
   * host ("agilent.com"). Recognition runs in the background, so the content script gets
   * these with the entity and needs no gazetteer of its own.
   */
  country?: string;
  industry?: string;
  website?: string;
}

/**
 * Placeholder until the entities issue lands: the recogniser's contract, returning nothing.
 * `analyze` and the content script already call it through this signature.
 */
export type EntityType = 'company' | 'money' | 'percent' | 'number';

export interface Entity {
  type: EntityType;
  /** UTF-16 offsets into the text given to `recognize`. */
  start: number;
  end: number;
  text: string;
  value?: number;
  currency?: string;
  id?: string;
  name?: string;
  ticker?: string;
}

export interface RecognizeOptions {
  extraCompanies?: string[];
  ignoredCompanies?: string[];
}

export function recognize(_text: string, _options: RecognizeOptions = {}): Entity[] {
  return [];
}

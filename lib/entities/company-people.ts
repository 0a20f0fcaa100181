/** The people and sports teams a document names: their names are not companies named after them. */
import { Kind, adjacent, isCapitalized, type Token } from './tokenize';
import { GIVEN_NAMES, PERSON_ROLES, PERSON_TITLES, PLACES, STOP_CAPITALISED } from './company-words';
import { word, isPossessive, isNameWord, singular } from './company-doc';

/**
 * Surnames and teams in this document: the word after a given name ("Elon Musk" makes "Musk" a
 * person) or after a middle initial ("John M. Ford"), a name beside a role ("curator Kristen
 * Wilkins", "Fuad Basya, spokesman"), and a team ("Tottenham's manager").
 */
export function personNames(tokens: readonly Token[]): Set<string> {
  const people = new Set<string>();
  // "curator Kristen Wilkins", "Fuad Basya, spokesman for", "Kristen Wilkins, assistant professor": a role beside two name words.
  for (let i = 1; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.kind !== Kind.Word || b.kind !== Kind.Word || !isCapitalized(a.text) || !isCapitalized(b.text) || !adjacent(tokens, i, i + 1)) continue;
    if (STOP_CAPITALISED.has(a.text) || PLACES.has(a.text) || PLACES.has(b.text)) continue;
    const before = word(tokens, i - 1) ?? '';
    if (isRole(before) || PERSON_TITLES.has(before) || roleAfterName(tokens, i + 2)) people.add(b.text);
  }
  // "Tottenham's manager", "Pittsburgh quarterback": a team, which issues statements too.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word || !isCapitalized(t.text)) continue;
    const next = isPossessive(tokens[i + 1]) ? word(tokens, i + 2) : word(tokens, i + 1);
    if (next !== undefined && TEAM_ROLES.has(next)) people.add(t.text);
  }
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.kind === Kind.Word && GIVEN_NAMES.has(tokens[i - 1]!.text) && isCapitalized(tokens[i]!.text)) people.add(tokens[i]!.text);
    // "Mr. Trump", "Ms. Wojcicki": an abbreviated title, tokenised apart from its full stop.
    if (tokens[i]!.kind === Kind.Word && tokens[i - 1]!.text === '.' && i >= 2 && GIVEN_NAMES.has(`${tokens[i - 2]!.text}.`) && isCapitalized(tokens[i]!.text)) {
      people.add(tokens[i]!.text);
    }
    // "James P. Kennedy Jr.", "John M. Ford": a middle initial between two name words.
    const initial = tokens[i]!;
    if (initial.kind === Kind.Word && initial.text.length === 1 && tokens[i + 1]?.text === '.' && /^\p{Lu}$/u.test(initial.text) && isNameWord(tokens[i - 1]) && isCapitalized(tokens[i + 2]?.text ?? '')) {
      people.add(tokens[i + 2]!.text);
    }
  }
  return people;
}

function isRole(w: string | undefined): boolean {
  return w !== undefined && (PERSON_ROLES.has(w) || PERSON_ROLES.has(singular(w)));
}

/** "Fuad Basya, spokesman for", "Kristen Wilkins, an assistant professor": a role after the comma that follows a name ending at `k - 1`. */
function roleAfterName(tokens: readonly Token[], k: number): boolean {
  if (tokens[k]?.text !== ',') return false;
  k++;
  const article = word(tokens, k);
  if (article === 'the' || article === 'a' || article === 'an') k++;
  return isRole(word(tokens, k)) || isRole(word(tokens, k + 1));
}

const TEAM_ROLES = new Set(['manager', 'coach', 'players', 'fans', 'striker', 'squad', 'midfielder', 'defender', 'goalkeeper', 'quarterback', 'forward', 'winger', 'shirt', 'supporters', 'lineup', 'roster']);

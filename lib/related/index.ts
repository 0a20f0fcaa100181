/**
 * Related coverage: the same story from other outlets. Ranking is pure (plain items in,
 * plain results out) so the CLI, the bench and the background all run the same code.
 */
export { buildIndex, type RelatedIndex } from './ranking/index-build';
export { rankRelated, type RankOptions } from './ranking/rank';
export { groupByStory } from './ranking/group';
export { articleCompanies, queryTerms, searchKeywords, type RecognizeCompanies } from './query';

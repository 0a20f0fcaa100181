/** The reader's library: saved articles and highlights (all writes transactional, see write.ts). */
export { saveArticle, unsaveArticle, undoUnsaveArticle, updateArticle, getArticleByUrl, countArticlesNaming, articleIdFor } from './articles';
export { addHighlight, updateHighlight, deleteHighlight, undeleteHighlight, listHighlights } from './highlights';
export { StorageFullError, LibraryError, STORAGE_FULL_MESSAGE, isQuotaError } from './errors';

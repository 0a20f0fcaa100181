import type { LibraryMessages } from '@/lib/contracts/messages';
import type { HandlersOf } from '@/lib/messaging';
import type { NewsmarkDb } from '@/lib/db';
import {
  addHighlight, deleteHighlight, getArticleByUrl, countArticlesNaming, listHighlights, saveArticle, undeleteHighlight,
  undoUnsaveArticle, unsaveArticle, updateArticle, updateHighlight,
} from '@/lib/db/library';
import { saveCompanyNote } from '@/lib/db/company-notes';
import { listTags } from '@/lib/db/tags';

/** The reader's library: every write goes through here, so it happens in the extension's database. */
export function libraryHandlers(db: NewsmarkDb): HandlersOf<LibraryMessages> {
  return {
    saveArticle: (input) => saveArticle(db, input),
    unsaveArticle: ({ id }) => unsaveArticle(db, id),
    undoUnsaveArticle: ({ id }) => undoUnsaveArticle(db, id),
    getArticleByUrl: ({ url }) => getArticleByUrl(db, url),
    updateArticle: ({ id, changes }) => updateArticle(db, id, changes),
    addHighlight: (input) => addHighlight(db, input),
    updateHighlight: ({ id, changes }) => updateHighlight(db, id, changes),
    deleteHighlight: ({ id }) => deleteHighlight(db, id),
    undoDeleteHighlight: ({ id }) => undeleteHighlight(db, id),
    listHighlights: ({ articleId }) => listHighlights(db, articleId),
    listTags: () => listTags(db),
    countSavedArticlesNaming: async ({ companyId }) => await countArticlesNaming(db, companyId),
    saveCompanyNote: (input) => saveCompanyNote(db, input),
  };
}

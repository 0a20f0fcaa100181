export { openDb, DB_NAME, type NewsmarkDb, type PageVisit } from './schema';
export { recordPageVisit, findPageVisit } from './page-visits';

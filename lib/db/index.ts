export { openDb, DB_NAME, type NewsmarkDb } from './schema';
export { recordPageVisit, findPageVisit } from './page-visits';

// One cell renderer for every surface: the browser reads paths and cell text from src/present.
export { cellText, getPath } from '../present/index.js';

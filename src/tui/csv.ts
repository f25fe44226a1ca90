// One CSV encoder for every surface (src/present).
export { csvField, toCsv } from '../present/index.js';

// The floor for the first row of a listing: one bare fetch of one page, its names printed.
// Usage: node bench/raw-page.mjs <url> <token> <pageSize>
const [url, token, pageSize] = process.argv.slice(2);
const response = await fetch(`${url}/api/v2/projects?page_size=${pageSize ?? '20'}`, {
  headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
});
if (!response.ok) throw new Error(`HTTP ${response.status}`);
const body = await response.json();
process.stdout.write(`${body.projects.map((p) => p.name).join('\n')}\n`);

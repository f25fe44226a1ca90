// The floor for `cmlsh call listProjects --all`: the same paging with a bare keep-alive
// fetch loop in one node process, writing the same JSON lines to stdout.
// Usage: node bench/raw-list.mjs <url> <token> <pageSize>
const [url, token, pageSize] = process.argv.slice(2);
const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
let pageToken = '';
do {
  const query = new URLSearchParams({ page_size: pageSize ?? '100' });
  if (pageToken) query.set('page_token', pageToken);
  const response = await fetch(`${url}/api/v2/projects?${query}`, { headers });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = await response.json();
  let text = '';
  for (const item of body.projects) text += `${JSON.stringify(item)}\n`;
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  pageToken = body.next_page_token ?? '';
} while (pageToken);

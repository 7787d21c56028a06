// The ingest page. The write token lives only in this page's memory (the password field): it is
// never written to localStorage, sessionStorage or a cookie, so a script elsewhere cannot read it
// later. A token an older version kept in localStorage is removed.
localStorage.removeItem('kroscek-token');
const tokenInput = document.getElementById('token');
const status = document.getElementById('status');
const headers = () => ({'Authorization': 'Bearer ' + tokenInput.value});
async function failed(response) {
  const body = await response.json().catch(() => ({}));
  status.textContent = 'Refused: ' + (body.error || response.statusText);
}
async function follow(job) {
  const response = await fetch('/api/v1/jobs/' + encodeURIComponent(job.id), {headers: headers()});
  const state = await response.json();
  status.textContent = `${state.state}: ${state.done}/${state.files} files, ${state.added} new articles, ${state.rejected.length} rejected` +
    (state.stories !== null && state.stories !== undefined ? `, ${state.stories} stories` : '') + (state.error ? ' — ' + state.error : '');
  if (!['done', 'failed'].includes(state.state)) setTimeout(() => follow(job), 500);
}
document.getElementById('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  for (const file of document.getElementById('files').files) form.append('files', file);
  status.textContent = 'uploading…';
  const response = await fetch('/api/v1/ingest', {method: 'POST', body: form, headers: headers()});
  if (!response.ok) return failed(response);
  follow(await response.json());
});
document.getElementById('feed').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData(); form.append('url', document.getElementById('feed-url').value);
  const response = await fetch('/api/v1/feeds', {method: 'POST', body: form, headers: headers()});
  if (!response.ok) return failed(response);
  const body = await response.json();
  status.textContent = `Feed added; it is polled now and every ${body.polled_every_minutes} minutes.`;
});

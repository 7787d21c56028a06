// The ingest page. The write token lives only in this page's memory (the password field): it is
// never written to localStorage, sessionStorage or a cookie, so a script elsewhere cannot read it
// later. A token an older version kept in localStorage is removed.
localStorage.removeItem('kroscek-token');
const tokenInput = document.getElementById('token');
const status = document.getElementById('status');
const rejectedList = document.getElementById('rejected');
const headers = () => ({'Authorization': 'Bearer ' + tokenInput.value});
// The page's words, in the reader's language, come from the page (data-messages on #status).
const say = JSON.parse(status.dataset.messages || '{}');
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
async function failed(response) {
  const body = await response.json().catch(() => ({}));
  status.textContent = say.refused + ': ' + (body.error || response.statusText);
}
function showRejected(rejected) {
  rejectedList.replaceChildren(...rejected.map(r => {
    const item = document.createElement('li');
    item.textContent = r.source + ': ' + r.reason;  // text, never markup: a file name is the uploader's
    return item;
  }));
}
async function follow(job) {
  const response = await fetch('/api/v1/jobs/' + encodeURIComponent(job.id), {headers: headers()});
  const state = await response.json();
  status.textContent = fill(say.progress, {state: say.states[state.state] || state.state, done: state.done, files: state.files,
                                           added: state.added, rejected: state.rejected.length}) +
    (state.stories !== null && state.stories !== undefined ? fill(say.stories, {stories: state.stories}) : '') +
    (state.error ? ' — ' + state.error : '');
  status.dataset.state = state.state;
  showRejected(state.rejected);
  // a file whose columns need mapping: the mapping opens, ready for them
  if (state.rejected.some(r => r.reason.includes('column mapping'))) document.getElementById('mapping').open = true;
  if (!['done', 'failed'].includes(state.state)) setTimeout(() => follow(job), 500);
}
// The column mapping as the command line's --columns: field=column for each field given.
function columns() {
  return Array.from(document.querySelectorAll('input.column'))
    .filter(input => input.value.trim())
    .map(input => input.dataset.field + '=' + input.value.trim()).join(',');
}
document.getElementById('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const form = new FormData();
  for (const file of document.getElementById('files').files) form.append('files', file);
  const pasted = document.getElementById('paste').value;
  if (pasted.trim()) form.append('text', pasted);
  for (const [name, id] of [['title', 'paste-title'], ['outlet', 'outlet'], ['published', 'published']]) {
    const value = document.getElementById(id).value.trim();
    if (value) form.append(name, value);
  }
  if (columns()) form.append('columns', columns());
  status.textContent = say.uploading;
  delete status.dataset.state;
  showRejected([]);
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
  status.textContent = fill(say.feed, {minutes: body.polled_every_minutes});
});

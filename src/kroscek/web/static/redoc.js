// ReDoc for /redoc, started from a file (the pages allow no inline script). With --read-token the
// token given as ?token= is passed on to the OpenAPI document.
const redocToken = new URLSearchParams(location.search).get('token');
Redoc.init('/openapi.json' + (redocToken ? '?token=' + encodeURIComponent(redocToken) : ''), {}, document.getElementById('redoc'));

// Swagger UI for /docs, started from a file (the pages allow no inline script). With --read-token
// the token given as ?token= on /docs is passed on to the OpenAPI document and to "Try it out".
const token = new URLSearchParams(location.search).get('token');
window.ui = SwaggerUIBundle({
  url: '/openapi.json' + (token ? '?token=' + encodeURIComponent(token) : ''),
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  layout: 'BaseLayout',
  validatorUrl: null,  // no badge fetched from the validator's site: the page loads nothing from elsewhere
  requestInterceptor: request => { if (token && !request.headers.Authorization) request.headers.Authorization = 'Bearer ' + token; return request; },
});

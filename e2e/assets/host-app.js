// A host page's own script, under a Trusted Types policy of its own ("host-app"): it must keep
// working whatever happens to the widgets.
const policy = trustedTypes.createPolicy('host-app', { createHTML: (text) => text.replace(/</g, '&lt;') });
document.getElementById('host-status').innerHTML = policy.createHTML('host app ready');
const button = document.getElementById('host-button');
const count = document.getElementById('host-count');
button.addEventListener('click', () => (count.textContent = String(Number(count.textContent) + 1)));

// Both pages (whose `?theme=dark` an inline script in <head> applies): `?widgets=0` leaves the
// widgets' script out, so that a test can compare the host page with and without them.
const params = new URLSearchParams(location.search);
if (params.get('widgets') != '0') await import('industrikommun-widgets');
document.documentElement.dataset.ready = '';

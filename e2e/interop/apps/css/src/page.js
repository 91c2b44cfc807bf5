// Both pages: `?theme=dark` switches the host's own dark theme; `?widgets=0` leaves the widgets'
// script out, so that a test can compare the host page with and without them.
const params = new URLSearchParams(location.search);
export const dark = params.get('theme') == 'dark';
if (params.get('widgets') != '0') await import('industrikommun-widgets');
document.documentElement.dataset.ready = '';

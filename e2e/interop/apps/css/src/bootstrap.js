import 'bootstrap/dist/css/bootstrap.min.css';
import { dark } from './page.js';

// Bootstrap 5.3's own dark mode: it sets `color-scheme: dark` with its colours.
if (dark) document.documentElement.dataset.bsTheme = 'dark';

import './tailwind.css';
import { dark } from './page.js';

if (dark) document.documentElement.classList.add('dark');

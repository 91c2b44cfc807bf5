import './tailwind.css';
import './page.js';

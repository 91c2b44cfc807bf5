import 'bootstrap/dist/css/bootstrap.min.css';
import './page.js';

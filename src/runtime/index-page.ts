import './fonts.css';
import './index.css';

if (import.meta.hot) import.meta.hot.on('lectern:decks', () => location.reload());

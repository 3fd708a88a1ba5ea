import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app/app.css';
import { initTheme } from './app/theme';

initTheme();

const root = document.getElementById('root');
if (!root) throw new Error('Pod Lab: #root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Defines <allmende-doc>, <allmende-sheet> and <allmende-calendar>.
import '@allmende/elements';
import { App } from './App.js';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

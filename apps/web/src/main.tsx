import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { App } from './App.tsx';
import { FallbackApp } from './features/fallback/FallbackApp.tsx';
import { hasWebGL2 } from './features/fallback/webgl.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(<StrictMode>{hasWebGL2() ? <App /> : <FallbackApp />}</StrictMode>);

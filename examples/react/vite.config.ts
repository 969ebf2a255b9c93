import { defineConfig } from 'vite';

// No React plugin is needed to build: Vite compiles TSX itself with React's automatic JSX runtime
// (tsconfig.json says `"jsx": "react-jsx"`). The relay serves dist/ and syncs the documents.
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});

import { defineConfig } from 'vite';

// JSX through esbuild's automatic runtime (no Preact preset); the bundle goes where Quarkus serves static files.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: process.env.CONSOLE_OUT_DIR || '../../../target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/admin': 'http://127.0.0.1:8084', '/console': 'http://127.0.0.1:8084' } },
});

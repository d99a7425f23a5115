// The build the gateway serves at /: targets the browsers the customer space promises (Chrome and Edge 90,
// Firefox 88, Safari 14), hashed assets under /assets/.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    target: ['chrome90', 'edge90', 'firefox88', 'safari14'],
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
});

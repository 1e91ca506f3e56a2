import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/local/schema/index.ts',
  out: './db/local/migrations',
});

import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/server/schema/index.ts',
  out: './db/server/migrations',
});

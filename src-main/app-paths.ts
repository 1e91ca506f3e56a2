import path from 'node:path';

/** Where the app's shipped files are: the repository in development, `resources/app` when packaged. */
export interface AppPaths {
  readonly root: string;
  readonly localMigrations: string;
  readonly renderer: string;
  readonly assets: string;
}

export function appPaths(root: string): AppPaths {
  return {
    root,
    localMigrations: path.join(root, 'db', 'local', 'migrations'),
    renderer: path.join(root, 'dist', 'renderer'),
    assets: path.join(root, 'assets'),
  };
}

import mysql from "mysql2/promise";

// Server-level operations (create/drop a database) that run before a database exists.

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) {
    throw new Error(`database name must be 1-64 letters, digits or underscores, got "${name}"`);
  }
  return name;
}

export function serverUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/";
  return u.toString();
}

async function withServer<T>(url: string, fn: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection({ uri: serverUrl(url), connectTimeout: 5_000 });
  try {
    return await fn(connection);
  } finally {
    await connection.end();
  }
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseName(url);
  await withServer(url, (c) => c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withServer(url, (c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
}

/** Answers whether a MySQL/MariaDB server accepts connections with this URL's credentials. */
export async function serverAnswers(url: string): Promise<boolean> {
  try {
    await withServer(url, (c) => c.ping());
    return true;
  } catch {
    return false;
  }
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

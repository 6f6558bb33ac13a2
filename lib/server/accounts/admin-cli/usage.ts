export const usage = `Usage: strongroom-admin <command> [options]

Commands:
  create-account --login NAME --customer LOGIN --device NAME --quota SIZE [--interval 24h] [--password-file PATH]
  reset-password --login NAME [--password-file PATH]
  suspend        --login NAME [--reason TEXT]
  resume         --login NAME
  set-quota      --login NAME --quota SIZE
  list           [--json]

The account password comes from --password-file, else STRONGROOM_ACCOUNT_PASSWORD; with neither,
a random one is generated and printed once. SIZE: 500M, 100G, 1.5T (binary units) or bytes.
The database is DATABASE_URL (.env.local is read). Run as the daemon's user: cache files are 0600.`;

// `npm run test:indexer:pg` runs the indexer suite on PostgreSQL: it needs a database to use.
if (!process.env.DATABASE_URL) {
  console.error(
    "test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/canopy_indexer_test\n" +
      "(.ci/run installs and starts Debian's postgresql and creates that database).",
  );
  process.exit(1);
}
